package io.tiergate.campaign.sim;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes a JSON Lines file of request records (plain or gzip) to the request topic as fast as the broker takes
 * it, keyed by {@code accountId} as gateways key them, with a progress line and the rate at the end. A line without
 * a readable {@code accountId} is still published (unkeyed), so that the service dead-letters it with its reason.
 */
public final class Replay {

    private Replay() {}

    public static void main(String[] args) throws Exception {
        String bootstrap = "127.0.0.1:9092", topic = "tiergate.requests", file = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bootstrap" -> bootstrap = args[++i];
                case "--topic" -> topic = args[++i];
                default -> file = args[i];
            }
        }
        if (file == null) {
            System.err.println(
                    "usage: Replay [--bootstrap host:port] [--topic tiergate.requests] FILE(.jsonl|.jsonl.gz)");
            System.exit(2);
        }
        long sent = replay(Path.of(file), bootstrap, topic, true);
        System.exit(sent >= 0 ? 0 : 1);
    }

    /** Returns how many records the broker acknowledged, or -1 when it refused one. */
    public static long replay(Path file, String bootstrap, String topic, boolean progress) throws IOException {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(128L * 1024 * 1024));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        JsonFactory json = new JsonFactory();
        AtomicLong acked = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long started = System.nanoTime(), lastPrint = started, lines = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props);
                BufferedReader in = reader(file)) {
            String line;
            while ((line = in.readLine()) != null && failure.get() == null) {
                if (line.isBlank()) {
                    continue;
                }
                lines++;
                producer.send(new ProducerRecord<>(topic, accountId(json, line), line), (meta, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    } else {
                        acked.incrementAndGet();
                    }
                });
                long now = System.nanoTime();
                if (progress && now - lastPrint > 2_000_000_000L) {
                    lastPrint = now;
                    System.out.printf(
                            "replay: %,d records sent, %,d acknowledged, %,.0f/s%n",
                            lines, acked.get(), lines / ((now - started) / 1e9));
                }
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (failure.get() != null) {
            System.err.println(
                    "replay: the broker refused a record: " + failure.get().getMessage());
            return -1;
        }
        System.out.printf(
                "replay: %,d records published to %s in %.1f s: %,.0f records/s%n",
                acked.get(), topic, seconds, acked.get() / seconds);
        return acked.get();
    }

    private static BufferedReader reader(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    /** The line's top-level accountId, or null when it has none or is not JSON. */
    static String accountId(JsonFactory json, String line) {
        try (JsonParser p = json.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("accountId".equals(name)) {
                    return value == JsonToken.VALUE_STRING ? p.getText() : null;
                }
                p.skipChildren();
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }
}
