package io.tiergate.e2e.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tiergate.commons.testing.KeycloakTokens;
import io.tiergate.e2e.PlatformProcesses;
import io.tiergate.e2e.Ports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: proof latency over HTTP (JWT-authenticated, as an auditor calls it) against a
 * log of 1,000,000 entries, filled synthetically in a scratch database so the test log stays small.
 * Prints p50/p99/max of inclusion and consistency proofs. Goal: p99 ≤ 5 ms. Run: see docs/performance.md.
 */
class AuditProofBenchmark {

    static final int ENTRIES = Integer.getInteger("bench.entries", 1_000_000);
    static final int REQUESTS = Integer.getInteger("bench.requests", 5_000);
    static final String SUPERUSER = "jdbc:postgresql://127.0.0.1:" + Ports.test("postgres") + "/postgres";
    static final String DATABASE = "audit_bench";
    static final int PORT = 18094;

    @Test
    void proofsAtOneMillionEntries() throws Exception {
        try (Connection admin = DriverManager.getConnection(SUPERUSER, "postgres", "postgres");
                Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + DATABASE + " OWNER tiergate");
        }
        String name = "audit-bench";
        try {
            // Consumer off: the scratch log holds only the synthetic entries; the full-log self-check off too,
            // so that it does not compete with the requests being measured; the caller limits off, since one
            // auditor asks for thousands of proofs.
            PlatformProcesses.startVariant(
                    name,
                    PlatformProcesses.AUDIT,
                    PORT,
                    DATABASE,
                    Map.of(
                            "mp.messaging.incoming.audited-events.enabled",
                            "false",
                            "tiergate.audit.self-check-interval",
                            "off",
                            "tiergate.limits.enabled",
                            "false"));
            long fillStart = System.nanoTime();
            fill();
            double fillSeconds = (System.nanoTime() - fillStart) / 1e9;

            HttpClient http = HttpClient.newHttpClient();
            String token = KeycloakTokens.user(KeycloakTokens.AUDREY);
            String base = "http://127.0.0.1:" + PORT;
            // The first read loads the tree edge; warm the JIT too.
            for (int i = 0; i < 3000; i++) {
                get(http, token, base + "/v1/proofs/inclusion?index=" + i + "&treeSize=" + ENTRIES);
            }
            long[] inclusion = new long[REQUESTS];
            long[] consistency = new long[REQUESTS];
            for (int i = 0; i < REQUESTS; i++) {
                long index = ThreadLocalRandom.current().nextLong(ENTRIES);
                inclusion[i] = get(http, token, base + "/v1/proofs/inclusion?index=" + index + "&treeSize=" + ENTRIES);
                long from = 1 + ThreadLocalRandom.current().nextLong(ENTRIES - 1);
                consistency[i] = get(http, token, base + "/v1/proofs/consistency?from=" + from + "&to=" + ENTRIES);
            }
            System.out.printf(
                    "%nAUDIT-PROOF-BENCHMARK entries=%d filled_in=%.1fs requests=%d (sequential, one connection, "
                            + "JWT each) over HTTP: inclusion %s consistency %s%n",
                    ENTRIES, fillSeconds, REQUESTS, percentiles(inclusion), percentiles(consistency));
            // The service's own timer of proof generation (its histogram includes the warm-up requests).
            String metrics = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/q/metrics"))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            System.out.println("AUDIT-PROOF-BENCHMARK server-side generation: "
                    + metrics.lines()
                            .filter(line -> line.startsWith("tiergate_audit_proof_generation_seconds{")
                                    && line.contains("quantile"))
                            .map(line -> line.replaceAll(
                                    ".*kind=\"(\\w+)\",quantile=\"([0-9.]+)\".* ([0-9.Ee-]+)$", "$1 q$2=$3s"))
                            .toList()
                    + "\n");
        } finally {
            PlatformProcesses.stop(name);
            try (Connection admin = DriverManager.getConnection(SUPERUSER, "postgres", "postgres");
                    Statement sql = admin.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            }
        }
    }

    /** Entries, leaves and every perfect subtree, computed by PostgreSQL level by level. */
    static void fill() throws Exception {
        try (Connection db = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + Ports.test("postgres") + "/" + DATABASE,
                        "tiergate",
                        "tiergate");
                Statement sql = db.createStatement()) {
            sql.execute("""
                    INSERT INTO audit_entry (leaf_index, event_id, topic, type, source, subject, event_time, recorded_at,
                                             entry, leaf_hash)
                    SELECT i, gen_random_uuid(), 'tiergate.usage', 'tiergate.usage.reported', 'bench', 'bench-' || (i %% 1000),
                           now(), now(), e, sha256('\\x00'::bytea || e)
                    FROM (SELECT i, convert_to('{"event":{"id":"' || i || '"},"topic":"tiergate.usage"}', 'UTF8') AS e
                          FROM generate_series(0, %d) AS i) AS entries""".formatted(ENTRIES - 1));
            sql.execute(
                    "INSERT INTO merkle_node (level, node_index, hash) SELECT 0, leaf_index, leaf_hash FROM audit_entry");
            for (int level = 1; (1L << level) <= ENTRIES; level++) {
                sql.execute("""
                        INSERT INTO merkle_node (level, node_index, hash)
                        SELECT %d, l.node_index / 2, sha256('\\x01'::bytea || l.hash || r.hash)
                        FROM merkle_node l JOIN merkle_node r ON r.level = l.level AND r.node_index = l.node_index + 1
                        WHERE l.level = %d AND l.node_index %% 2 = 0""".formatted(level, level - 1));
            }
            sql.execute("VACUUM ANALYZE"); // so autovacuum does not run during the measurement
        }
    }

    static long get(HttpClient http, String token, String url) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        long elapsed = System.nanoTime() - start;
        assertEquals(200, response.statusCode(), response.body());
        return elapsed;
    }

    static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(
                "p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms",
                sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.9)] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }
}
