package io.tiergate.e2e.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiergate.commons.testing.KafkaEvents;
import io.tiergate.e2e.Ports;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (surefire skips it unless named): sustained appends into the audit log fed from
 * Kafka, with checkpoints every second, against the packaged audit-service on the test infrastructure.
 * Prints events/s and how long after its arrival each entry sat inside a signed checkpoint.
 * Run: see docs/performance.md.
 */
class AuditAppendBenchmark {

    static final int EVENTS = Integer.getInteger("bench.events", 50_000);
    static final String DB = "jdbc:postgresql://127.0.0.1:" + Ports.test("postgres") + "/audit";

    @Test
    void sustainedAppends() throws Exception {
        // Phase 1: the producer runs beside the service (sharing the 2 cores), as gateways would.
        io.tiergate.e2e.PlatformProcesses.start(io.tiergate.e2e.PlatformProcesses.AUDIT);
        try {
            measure("live");
        } finally {
            io.tiergate.e2e.PlatformProcesses.stop(io.tiergate.e2e.PlatformProcesses.AUDIT);
        }
        // Phase 2: a backlog waits in Kafka, then the service drains it: its own append capacity.
        try (Connection db = DriverManager.getConnection(DB, "tiergate", "tiergate")) {
            long base = scalar(db, "SELECT coalesce(max(leaf_index) + 1, 0) FROM audit_entry");
            produce();
            long started = System.nanoTime();
            io.tiergate.e2e.PlatformProcesses.start(io.tiergate.e2e.PlatformProcesses.AUDIT);
            awaitSigned(db, base + EVENTS);
            double seconds = (System.nanoTime() - started) / 1e9;
            double appendSeconds = scalarDouble(
                    db,
                    "SELECT extract(epoch FROM max(recorded_at) - min(recorded_at)) "
                            + "FROM audit_entry WHERE leaf_index >= " + base);
            System.out.printf(
                    "%nAUDIT-APPEND-BENCHMARK backlog events=%d drained_and_signed_in=%.2fs (incl. service start) "
                            + "append_rate=%.0f events/s (first to last append %.2fs)%n%n",
                    EVENTS, seconds, EVENTS / Math.max(appendSeconds, 1e-9), appendSeconds);
        } finally {
            io.tiergate.e2e.PlatformProcesses.stop(io.tiergate.e2e.PlatformProcesses.AUDIT);
        }
    }

    static void awaitSigned(Connection db, long target) throws Exception {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (scalar(db, "SELECT coalesce(max(tree_size), 0) FROM checkpoint") < target
                && System.nanoTime() < deadline) {
            Thread.sleep(20); // polling a condition with a deadline, not a fixed wait
        }
    }

    static void produce() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaEvents.bootstrapServers());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (int i = 0; i < EVENTS; i++) {
                String subject = "bench-subject-" + (i % 1000);
                String event = KafkaEvents.cloudEvent(
                        UUID.randomUUID().toString(),
                        "bench-gateway",
                        "tiergate.usage.reported",
                        subject,
                        i + 1,
                        "{\"decisionId\":\"" + UUID.randomUUID() + "\",\"tokens\":" + (i % 4000) + "}");
                producer.send(new ProducerRecord<>("tiergate.usage", subject, event));
            }
        }
    }

    static void measure(String phase) throws Exception {
        try (Connection db = DriverManager.getConnection(DB, "tiergate", "tiergate")) {
            long base = scalar(db, "SELECT coalesce(max(leaf_index) + 1, 0) FROM audit_entry");
            long target = base + EVENTS;
            long started = System.nanoTime();
            produce();
            double producedSeconds = (System.nanoTime() - started) / 1e9;
            awaitSigned(db, target);
            double signedSeconds = (System.nanoTime() - started) / 1e9;
            long appended = scalar(db, "SELECT count(*) FROM audit_entry WHERE leaf_index >= " + base);
            double appendSeconds = scalarDouble(
                    db,
                    "SELECT extract(epoch FROM max(recorded_at) - min(recorded_at)) "
                            + "FROM audit_entry WHERE leaf_index >= " + base);
            String lag;
            try (Statement s = db.createStatement();
                    ResultSet r = s.executeQuery("""
                    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY lag), percentile_cont(0.99) WITHIN GROUP (ORDER BY lag), max(lag)
                    FROM (SELECT extract(epoch FROM c.created_at - e.recorded_at) AS lag FROM audit_entry e
                          JOIN LATERAL (SELECT created_at FROM checkpoint WHERE tree_size > e.leaf_index
                                        ORDER BY tree_size LIMIT 1) c ON true
                          WHERE e.leaf_index >= %d) lags""".formatted(base))) {
                r.next();
                lag = String.format("p50=%.3fs p99=%.3fs max=%.3fs", r.getDouble(1), r.getDouble(2), r.getDouble(3));
            }
            System.out.printf(
                    "%nAUDIT-APPEND-BENCHMARK " + phase
                            + " events=%d produced_in=%.2fs appended=%d append_rate=%.0f events/s "
                            + "(first to last append %.2fs) all_signed_after=%.2fs end_to_end_rate=%.0f events/s "
                            + "arrival_to_signed_checkpoint %s%n%n",
                    EVENTS,
                    producedSeconds,
                    appended,
                    appended / Math.max(appendSeconds, 1e-9),
                    appendSeconds,
                    signedSeconds,
                    EVENTS / signedSeconds,
                    lag);
            assertTrue(appended == EVENTS, "every event appended exactly once");
        }
    }

    static long scalar(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    static double scalarDouble(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getDouble(1);
        }
    }
}
