package io.tiergate.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tiergate.commons.outbox.OutboxRelay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three-broker cluster of {@code deploy/tiergate up --cluster}, started by the launcher itself (in an environment
 * of its own, on ports of its own), with one broker SIGKILLed while events are published with the outbox relay's
 * producer settings (acks=all, idempotent): every event acknowledged before, during and after is read back, once.
 */
class BrokerFailoverIT {

    static final String ENV = "broker-drill";
    static final int BASE_PORT = 29092;
    static final String BOOTSTRAP = "127.0.0.1:29092,127.0.0.1:29094,127.0.0.1:29096";
    static final String TOPIC = "tiergate.drill." + UUID.randomUUID();
    static final int EVENTS = 20_000;
    static final Path HOME = PlatformProcesses.ROOT.resolve(".tiergate/" + ENV);

    @BeforeAll
    static void startTheCluster() {
        launcher("component", "kafka-cluster", "start");
    }

    @AfterAll
    static void stopTheCluster() throws IOException {
        launcher("component", "kafka-cluster", "stop");
        deleteTree(HOME);
    }

    @Test
    void killingOneBrokerLosesNoAcknowledgedEvent() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", BOOTSTRAP))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 3))).all().get(30, TimeUnit.SECONDS);
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>(EVENTS);
        long killedAfter = -1, start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(OutboxRelay.producerConfig(BOOTSTRAP, 5))) {
            for (int i = 0; i < EVENTS; i++) {
                sent.add(producer.send(new ProducerRecord<>(TOPIC, "subject-" + (i % 500), "event-" + i)));
                if (i == EVENTS / 4) {
                    producer.flush(); // a quarter acknowledged by all three
                    long pid = Long.parseLong(
                            Files.readString(HOME.resolve("pids/kafka-2.pid")).strip());
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly); // SIGKILL
                    killedAfter = i + 1;
                }
            }
            producer.flush();
        }
        int acknowledged = 0;
        List<String> failed = new ArrayList<>();
        for (Future<RecordMetadata> f : sent) {
            try {
                f.get();
                acknowledged++;
            } catch (Exception e) {
                failed.add(e.getCause() == null ? e.toString() : e.getCause().toString());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Integer> read = readAll(acknowledged);
        long missing = 0, doubled = 0;
        for (int i = 0; i < EVENTS; i++) {
            int times = read.getOrDefault("event-" + i, 0);
            missing += times == 0 ? 1 : 0;
            doubled += times > 1 ? 1 : 0;
        }
        System.out.printf(
                "%nBROKER KILL on a three-broker cluster (replication factor 3, min.insync.replicas 2): %d events"
                        + " published with the relay's producer in %.1f s, broker 2 SIGKILLed after %d; acknowledged %d,"
                        + " failed %d, read back %d, missing %d, doubled %d (goal: 0 missing, 0 doubled)%n%n",
                EVENTS, seconds, killedAfter, acknowledged, failed.size(), read.size(), missing, doubled);
        assertEquals(List.of(), failed.stream().distinct().toList(), "every event is acknowledged with two brokers");
        assertEquals(0, missing, "missing");
        assertEquals(0, doubled, "doubled");

        // and the broker heals: back in every partition's in-sync replicas
        launcher("component", "kafka-2", "start");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", BOOTSTRAP))) {
            await("broker 2 in sync again")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() ->
                            admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions().stream()
                                    .allMatch(p -> p.isr().size() == 3));
        }
    }

    private static Map<String, Integer> readAll(int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "drill-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, Integer> read = new HashMap<>();
        int[] records = {0};
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(TOPIC));
            await("every acknowledged event read back")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ZERO)
                    .until(() -> {
                        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                            read.merge(r.value(), 1, Integer::sum);
                            records[0]++;
                        }
                        return records[0] >= expected;
                    });
            // a little more, so that a duplicate past the count would be seen
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {
                read.merge(r.value(), 1, Integer::sum);
            }
        }
        return read;
    }

    /** The launcher, in the drill's own environment: its data folder and its ports, apart from the test platform's. */
    private static void launcher(String... args) {
        List<String> command = new ArrayList<>();
        command.add(PlatformProcesses.ROOT.resolve("deploy/tiergate").toString());
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            builder.environment().put("TIERGATE_ENV", ENV);
            builder.environment().put("TIERGATE_KAFKA_PORT", String.valueOf(BASE_PORT));
            builder.environment().put("TIERGATE_KAFKA_CONTROLLER_PORT", String.valueOf(BASE_PORT + 1));
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("deploy/tiergate " + String.join(" ", args) + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
