package io.tiergate.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three-broker cluster of {@code deploy/tiergate up --cluster}, started by the launcher itself (in an environment
 * of its own, on ports of its own), with one broker SIGKILLed while events are published with the outbox relay's
 * producer settings (acks=all, idempotent) and, as the relay does, sent again until acknowledged: every event is read
 * back, none lost.
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
        // The outbox relay marks a row published only once the broker acknowledged it, and sends the rest again:
        // so does this test, until every event is acknowledged (while leadership moves off the killed broker, sends
        // time out). Nothing acknowledged may be lost; a re-send may duplicate, which consumers dedupe by event id.
        long killedAfter = -1, start = System.nanoTime();
        int firstPassFailed = 0, sends = 0, rounds = 0;
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            pending.add(i);
        }
        List<String> lastFailures = List.of();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(OutboxRelay.producerConfig(BOOTSTRAP, 5))) {
            while (!pending.isEmpty() && rounds < 10) {
                rounds++;
                List<Future<RecordMetadata>> sent = new ArrayList<>(pending.size());
                for (int n = 0; n < pending.size(); n++) {
                    int i = pending.get(n);
                    sent.add(producer.send(new ProducerRecord<>(TOPIC, "subject-" + (i % 500), "event-" + i)));
                    sends++;
                    if (killedAfter < 0 && i == EVENTS / 4) {
                        producer.flush(); // a quarter acknowledged by all three
                        long pid = Long.parseLong(Files.readString(HOME.resolve("pids/kafka-2.pid"))
                                .strip());
                        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly); // SIGKILL
                        killedAfter = i + 1;
                    }
                }
                producer.flush();
                List<Integer> failed = new ArrayList<>();
                List<String> failures = new ArrayList<>();
                for (int n = 0; n < sent.size(); n++) {
                    try {
                        sent.get(n).get();
                    } catch (Exception e) {
                        failed.add(pending.get(n));
                        failures.add(String.valueOf(e.getCause()));
                    }
                }
                if (rounds == 1) {
                    firstPassFailed = failed.size();
                }
                pending = failed;
                lastFailures = failures;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(List.of(), lastFailures.stream().distinct().limit(3).toList(), "acknowledged in the end");
        Map<String, Integer> read = readAll();
        long missing = 0, doubled = 0;
        for (int i = 0; i < EVENTS; i++) {
            int times = read.getOrDefault("event-" + i, 0);
            missing += times == 0 ? 1 : 0;
            doubled += times > 1 ? 1 : 0;
        }
        System.out.printf(
                "%nBROKER KILL on a three-broker cluster (replication factor 3, min.insync.replicas 2): %d events"
                        + " published with the relay's producer, broker 2 SIGKILLed after %d; %d not acknowledged at"
                        + " first (sent again, as the relay does), %d sends in %d rounds, %.1f s; read back %d distinct,"
                        + " missing %d (goal 0), on the topic twice %d (deduplicated by consumers)%n%n",
                EVENTS, killedAfter, firstPassFailed, sends, rounds, seconds, read.size(), missing, doubled);
        assertEquals(0, missing, "missing");
        assertTrue(doubled <= firstPassFailed, "only re-sent events may appear twice: " + doubled);

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

    /** Every record on the topic, by value, read to the end offsets of all its partitions. */
    private static Map<String, Integer> readAll() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "drill-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, Integer> read = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            await("the topic read to its end")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ZERO)
                    .until(() -> {
                        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                            read.merge(r.value(), 1, Integer::sum);
                        }
                        return partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp));
                    });
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
