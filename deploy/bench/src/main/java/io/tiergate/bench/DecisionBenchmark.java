package io.tiergate.bench;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The decision benchmark, run by {@code deploy/tiergate bench}, in phases:
 * <ol>
 *   <li>{@code prepare}: creates the benchmark's own database (so the dev platform's data stays untouched);</li>
 *   <li>{@code seed}: writes a projection of {@value #SUBJECTS} verified subjects into it (the state the projection
 *   holds after replaying their identity and tier events), before the service (re)starts and loads it;</li>
 *   <li>{@code run}: publishes a policy of {@value #CAPABILITIES} capabilities through the policy API, then measures,
 *   in one run on one machine: decisions at a constant 5,000 requests/s (coordinated-omission corrected), maximum
 *   throughput of decisions against a constant endpoint of the same service, the same decision asked of Keycloak
 *   Authorization Services, and the service's resident memory idle and loaded.</li>
 * </ol>
 */
public final class DecisionBenchmark {

    static final int SUBJECTS = 100_000;
    static final int CAPABILITIES = 50;
    static final List<String> NATIONALITIES =
            List.of("US", "US", "US", "GB", "DE", "FR", "JP", "IN", "BR", "CN", "RU", "CA", "AU", "NL", "SE");
    static final List<String> JURISDICTIONS = List.of("US", "GB", "DE", "FR", "JP", "CN", "IN", "BR");
    static final String[] TIERS = {
        "PUBLIC",
        "PUBLIC",
        "PUBLIC",
        "PUBLIC",
        "ENTERPRISE",
        "ENTERPRISE",
        "RESEARCH",
        "RESEARCH",
        "RESEARCH",
        "GOVERNMENT"
    };

    private DecisionBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        switch (args.length == 0 ? "" : args[0]) {
            case "prepare" -> prepare(options);
            case "seed" -> seed(options);
            case "run" -> run(options);
            case "probe" -> probe(options);
            case "propagation" -> propagationOnly(options);
            case "ladder" -> ladderOnly(options);
            case "soak" -> Soak.soak(options);
            default ->
                throw new IllegalArgumentException(
                        "usage: prepare|seed|run|ladder|propagation|probe|soak --option value ...");
        }
    }

    static void prepare(Map<String, String> o) throws SQLException {
        try (Connection db = DriverManager.getConnection(
                        o.get("jdbc-admin"), "postgres", o.getOrDefault("pg-password", "postgres"));
                Statement sql = db.createStatement()) {
            var exists = sql.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'entitlement_bench'");
            if (!exists.next()) {
                sql.execute("CREATE DATABASE entitlement_bench OWNER tiergate");
            }
        }
    }

    /** Subjects 00000000-0000-4000-8000-{n}: nationality, residence and tier spread by n, one active grant each. */
    static void seed(Map<String, String> o) throws SQLException {
        try (Connection db = DriverManager.getConnection(o.get("jdbc"), "tiergate", "tiergate");
                Statement sql = db.createStatement()) {
            sql.execute("DELETE FROM subject_projection WHERE subject LIKE '00000000-0000-4000-8000-%'");
            String nationalities = "ARRAY['" + String.join("','", NATIONALITIES) + "']";
            String tiers = "ARRAY['" + String.join("','", TIERS) + "']";
            int rows = sql.executeUpdate("INSERT INTO subject_projection (subject, identity_status, nationalities, "
                    + "residence_country, verified_at, active_grants, grant_organizations, applied_versions, updated_at) "
                    + "SELECT '00000000-0000-4000-8000-' || lpad(n::text, 12, '0'), 'VERIFIED', "
                    + "jsonb_build_array((" + nationalities + ")[1 + n % " + NATIONALITIES.size() + "]), "
                    + "(" + nationalities + ")[1 + (n / 7) % " + NATIONALITIES.size()
                    + "], now() - (n % 300) * interval '1 day', "
                    + "jsonb_build_object(md5(n::text)::uuid::text, (" + tiers + ")[1 + n % 10]), '{}'::jsonb, "
                    + "'{\"identity-service\": 1, \"tier-service\": 1}'::jsonb, now() "
                    + "FROM generate_series(1, " + SUBJECTS + ") AS n");
            System.out.printf("seeded %d subjects%n", rows);
        }
    }

    /**
     * The constant rate at which Keycloak Authorization Services and decisions are compared: 1,000/s where Keycloak's
     * closed loop has room for it, else half of what that loop reached (past its capacity a constant rate measures
     * the queue, not Keycloak: one run with Keycloak sharing a CPU did 289/s, and 1,000/s gave a p99 of 29 s).
     */
    static final int KEYCLOAK_RATE = 1000;

    static int keycloakRate(double keycloakThroughput) {
        return keycloakThroughput >= 1.25 * KEYCLOAK_RATE
                ? KEYCLOAK_RATE
                : Math.max(10, (int) (keycloakThroughput / 2 / 10) * 10);
    }

    static void run(Map<String, String> o) throws Exception {
        String keycloak = o.get("keycloak");
        URI entitlement = URI.create(o.get("entitlement"));
        long pid = Long.parseLong(o.get("pid"));
        int rate = Integer.parseInt(o.getOrDefault("rate", "5000"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "30"));
        int connections = Integer.parseInt(o.getOrDefault("connections", "16"));
        int keycloakWarmup = Integer.parseInt(o.getOrDefault("keycloak-warmup", "120"));

        String version = publishPolicy(keycloak, entitlement);
        System.out.printf(
                "policy %s published: %d capabilities, %d subjects in the projection%n",
                version, CAPABILITIES, SUBJECTS);
        List<Buffer> bodies = decisionBodies();
        double allowShare = allowShare(entitlement, gatewayToken(keycloak), bodies, 500);
        List<String> report = new ArrayList<>();
        report.add(String.format(
                "machine: %d cores, %s; service pid %d",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + Runtime.version(),
                pid));
        report.add(
                o.containsKey("cpus")
                        ? "service pinned to CPU(s) " + o.get("cpus")
                                + "; load generator, Kafka, PostgreSQL, Keycloak on the others"
                        : "service not pinned (shares every CPU with the load generator and the infrastructure)");
        report.add("the service's decision log, usage, policies and directives on tiergate.bench.* topics, "
                + "not in the dev audit trail");
        long idleRss = idleRssKb(pid);

        try (LoadGenerator load = new LoadGenerator()) {
            System.out.println(
                    "warming the service up (60 s of each endpoint at full speed, then 20 s at the target rate)");
            load.closedLoop(
                    new Target(
                            "constant (plain GET)",
                            HttpMethod.GET,
                            entitlement.resolve("/v1/baseline/plain"),
                            Map.of(),
                            List.of(),
                            200),
                    connections,
                    20);
            load.closedLoop(authenticatedConstant(keycloak, entitlement), connections, 20);
            load.closedLoop(decisions(keycloak, entitlement, bodies), connections, 60);
            settle(pid);
            load.constantRate(decisions(keycloak, entitlement, bodies), rate, connections, 20);
            settle(pid);

            // the decision beside a plain and an authenticated constant at the same rates: the tail ratio is the
            // figure that holds on a noisy machine, where each absolute tail moves with the load around it
            report.addAll(ladder(
                    load,
                    plainConstant(entitlement),
                    authenticatedConstant(keycloak, entitlement),
                    decisions(keycloak, entitlement, bodies),
                    pid,
                    connections,
                    rates(o, rate),
                    2,
                    15));
            settle(pid);
            LoadGenerator.Result atRate =
                    load.constantRate(decisions(keycloak, entitlement, bodies), rate, connections, seconds);
            long loadedRss = rssKb(pid);
            report.add(atRate.summary());

            // maximum throughput, side by side, twice each in alternation against drift
            Target plain = new Target(
                    "constant (plain GET)",
                    HttpMethod.GET,
                    entitlement.resolve("/v1/baseline/plain"),
                    Map.of(),
                    List.of(),
                    200);
            double plainBest = 0;
            double authenticatedBest = 0;
            double decisionsBest = 0;
            LoadGenerator.Result decisionsMax = null;
            for (int round = 0; round < 2; round++) {
                settle(pid);
                LoadGenerator.Result p = load.closedLoop(plain, connections, 15);
                settle(pid);
                LoadGenerator.Result a = load.closedLoop(authenticatedConstant(keycloak, entitlement), connections, 15);
                settle(pid);
                LoadGenerator.Result d = load.closedLoop(decisions(keycloak, entitlement, bodies), connections, 15);
                report.add(p.summary());
                report.add(a.summary());
                report.add(d.summary());
                plainBest = Math.max(plainBest, p.throughput());
                authenticatedBest = Math.max(authenticatedBest, a.throughput());
                if (d.throughput() > decisionsBest) {
                    decisionsBest = d.throughput();
                    decisionsMax = d;
                }
            }
            long peakRss = peakRssKb(pid);
            settle(pid);

            KeycloakAuthorization kc = new KeycloakAuthorization(
                    keycloak,
                    o.getOrDefault("keycloak-admin", "admin"),
                    o.getOrDefault("keycloak-admin-password", "admin"));
            List<String> resources = kc.setUp(CAPABILITIES);
            System.out.printf("warming Keycloak up (%d s, %d connections)%n", keycloakWarmup, connections);
            for (int warmed = 0; warmed < keycloakWarmup; warmed += 60) {
                load.closedLoop(kc.target(resources), connections, Math.min(60, keycloakWarmup - warmed));
            }
            LoadGenerator.Result keycloakMax = load.closedLoop(kc.target(resources), connections, seconds);
            report.add(keycloakMax.summary());
            // the two tails at one constant rate that Keycloak sustains, alternated, best of two each
            int keycloakRate = keycloakRate(keycloakMax.throughput());
            LoadGenerator.Result keycloakAtRate = null;
            LoadGenerator.Result decisionsAtKeycloakRate = null;
            for (int round = 0; round < 2; round++) {
                settle(pid);
                LoadGenerator.Result k = load.constantRate(kc.target(resources), keycloakRate, connections, 15);
                settle(pid);
                LoadGenerator.Result d =
                        load.constantRate(decisions(keycloak, entitlement, bodies), keycloakRate, connections, 15);
                report.add(String.format("at %d/s round %d: %s", keycloakRate, round + 1, k.summary()));
                report.add(String.format("at %d/s round %d: %s", keycloakRate, round + 1, d.summary()));
                if (keycloakAtRate == null || k.percentileMillis(99) < keycloakAtRate.percentileMillis(99)) {
                    keycloakAtRate = k;
                }
                if (decisionsAtKeycloakRate == null
                        || d.percentileMillis(99) < decisionsAtKeycloakRate.percentileMillis(99)) {
                    decisionsAtKeycloakRate = d;
                }
            }

            report.add("");
            report.add(String.format(
                    "workload: %d subjects (Zipf), %d capabilities, %.0f%% of decisions ALLOW",
                    SUBJECTS, CAPABILITIES, allowShare * 100));
            report.add(String.format(
                    "decisions at %d/s: p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms (goal p99 <= 2 ms), %d errors",
                    rate,
                    atRate.percentileMillis(50),
                    atRate.percentileMillis(99),
                    atRate.percentileMillis(99.9),
                    atRate.errors()));
            report.add(String.format(
                    "max throughput: decisions %.0f/s = %.2fx the plain constant (%.0f/s; goal >= 0.6x), "
                            + "%.2fx the authenticated constant (%.0f/s)",
                    decisionsBest,
                    decisionsBest / plainBest,
                    plainBest,
                    decisionsBest / authenticatedBest,
                    authenticatedBest));
            report.add(String.format(
                    "versus Keycloak Authorization Services at %d connections: %.0f/s vs %.0f/s = %.1fx "
                            + "(goal >= 5x); p99 %.2f ms vs %.2f ms = %.1fx lower (goal >= 10x)",
                    connections,
                    decisionsBest,
                    keycloakMax.throughput(),
                    decisionsBest / keycloakMax.throughput(),
                    decisionsMax.percentileMillis(99),
                    keycloakMax.percentileMillis(99),
                    keycloakMax.percentileMillis(99) / decisionsMax.percentileMillis(99)));
            report.add(String.format(
                    "versus Keycloak Authorization Services at a constant %d/s: p99 %.2f ms vs %.2f ms = %.1fx lower "
                            + "(goal >= 10x); p99.9 %.2f ms vs %.2f ms",
                    keycloakRate,
                    decisionsAtKeycloakRate.percentileMillis(99),
                    keycloakAtRate.percentileMillis(99),
                    keycloakAtRate.percentileMillis(99) / decisionsAtKeycloakRate.percentileMillis(99),
                    decisionsAtKeycloakRate.percentileMillis(99.9),
                    keycloakAtRate.percentileMillis(99.9)));
            report.add(String.format(
                    "entitlement-service RSS: idle %d MB, after the %d/s run %d MB, peak %d MB",
                    idleRss / 1024, rate, loadedRss / 1024, peakRss / 1024));
            settle(pid);
            report.addAll(propagation(load, keycloak, entitlement, o.get("kafka"), bodies, connections));
        }
        System.out.println();
        System.out.println("==== Tiergate decision benchmark ====");
        report.forEach(System.out::println);
    }

    /**
     * Only the side-by-side constant-rate ladder (after a short warm-up), for comparing JVMs and collectors: run it
     * once per service configuration ({@code TIERGATE_BENCH_JAVA}, {@code TIERGATE_BENCH_JAVA_OPTS}).
     */
    static void ladderOnly(Map<String, String> o) throws Exception {
        String keycloak = o.get("keycloak");
        URI entitlement = URI.create(o.get("entitlement"));
        long pid = Long.parseLong(o.get("pid"));
        int connections = Integer.parseInt(o.getOrDefault("connections", "16"));
        String version = publishPolicy(keycloak, entitlement);
        System.out.printf("policy %s published%n", version);
        List<Buffer> bodies = decisionBodies();
        List<String> report = new ArrayList<>();
        report.add(String.format(
                "machine: %d cores; service pid %d, %s",
                Runtime.getRuntime().availableProcessors(), pid, serviceJvm(pid)));
        try (LoadGenerator load = new LoadGenerator()) {
            System.out.println("warming the service up (20 s of each endpoint at full speed)");
            load.closedLoop(plainConstant(entitlement), connections, 20);
            load.closedLoop(authenticatedConstant(keycloak, entitlement), connections, 20);
            load.closedLoop(decisions(keycloak, entitlement, bodies), connections, 20);
            report.addAll(ladder(
                    load,
                    plainConstant(entitlement),
                    authenticatedConstant(keycloak, entitlement),
                    decisions(keycloak, entitlement, bodies),
                    pid,
                    connections,
                    rates(o, 5000),
                    Integer.parseInt(o.getOrDefault("rounds", "2")),
                    Integer.parseInt(o.getOrDefault("seconds", "15"))));
            report.add(String.format(
                    "entitlement-service RSS after the ladder: %d MB, peak %d MB",
                    rssKb(pid) / 1024, peakRssKb(pid) / 1024));
        }
        System.out.println();
        System.out.println("==== Tiergate decision ladder ====");
        report.forEach(System.out::println);
    }

    /** Only the propagation latencies (containment and directives to the decision), idle and under load. */
    static void propagationOnly(Map<String, String> o) throws Exception {
        String keycloak = o.get("keycloak");
        URI entitlement = URI.create(o.get("entitlement"));
        System.out.printf("policy %s published%n", publishPolicy(keycloak, entitlement));
        List<String> report;
        int connections = Integer.parseInt(o.getOrDefault("connections", "16"));
        List<Buffer> bodies = decisionBodies();
        try (LoadGenerator load = new LoadGenerator()) {
            System.out.println("warming the service up (20 s of decisions at full speed)");
            load.closedLoop(decisions(keycloak, entitlement, bodies), connections, 20);
            report = propagation(load, keycloak, entitlement, o.get("kafka"), bodies, connections);
        }
        System.out.println();
        System.out.println("==== Tiergate propagation latency ====");
        report.forEach(System.out::println);
    }

    /**
     * Containment and directive latency to the decision, first with the service otherwise idle, then while it decides
     * 2,000 gateway requests a second (one change at a time; the load runs beside the measurement).
     */
    static List<String> propagation(
            LoadGenerator load, String keycloak, URI entitlement, String kafka, List<Buffer> bodies, int connections)
            throws Exception {
        List<String> lines = new ArrayList<>();
        try (PropagationLatency latency = new PropagationLatency(keycloak, entitlement, kafka)) {
            latency.containment(3, 90_001); // warm-up: the first events pay for connections and metadata
            lines.add(PropagationLatency.summary(
                    "containment event -> CAMPAIGN_CONTAINED, idle", latency.containment(100, 90_011)));
            lines.add(PropagationLatency.summary(
                    "directive confirmed -> DIRECTIVE_DENIED, idle", latency.directives(20, 90_101)));
            java.util.concurrent.ExecutorService background = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                java.util.concurrent.Future<LoadGenerator.Result> loaded = background.submit(
                        () -> load.constantRate(decisions(keycloak, entitlement, bodies), 2000, connections, 40));
                lines.add(PropagationLatency.summary(
                        "containment event -> CAMPAIGN_CONTAINED, at 2,000 decisions/s",
                        latency.containment(100, 90_201)));
                lines.add(PropagationLatency.summary(
                        "directive confirmed -> DIRECTIVE_DENIED, at 2,000 decisions/s",
                        latency.directives(10, 90_301)));
                lines.add("  the load beside it: " + loaded.get().summary());
                lines.add(PropagationLatency.summary(
                        "  of which the broker's acknowledgement of each event", latency.acknowledged()));
            } finally {
                background.shutdownNow();
            }
        }
        return lines;
    }

    static int[] rates(Map<String, String> o, int top) {
        String rates = o.getOrDefault("rates", "1000,3000," + top);
        return java.util.Arrays.stream(rates.split(","))
                .mapToInt(r -> Integer.parseInt(r.strip()))
                .toArray();
    }

    static Target plainConstant(URI entitlement) {
        return new Target(
                "constant (plain GET)",
                HttpMethod.GET,
                entitlement.resolve("/v1/baseline/plain"),
                Map.of(),
                List.of(),
                200);
    }

    /** The service's JVM as its command line names it (which java, which collector), for the report. */
    static String serviceJvm(long pid) {
        return ProcessHandle.of(pid)
                .flatMap(p -> p.info().commandLine())
                .map(c -> c.replaceAll(" -jar .*", ""))
                .orElse("unknown JVM");
    }

    /**
     * The same constant rates, with the same load generator and connections, against the plain constant, the
     * authenticated constant and decisions, alternated within each round and repeated: a table of each one's best
     * p50/p99/p99.9 over the rounds, and the decision's p99 over the plain constant's.
     */
    static List<String> ladder(
            LoadGenerator load,
            Target plain,
            Target authenticated,
            Target decisions,
            long pid,
            int connections,
            int[] rates,
            int rounds,
            int seconds)
            throws Exception {
        List<String> lines = new ArrayList<>();
        List<String> table = new ArrayList<>();
        table.add("| rate/s | plain GET p50 / p99 / p99.9 ms | authenticated p50 / p99 / p99.9 ms "
                + "| decision p50 / p99 / p99.9 ms | decision p99 ÷ plain p99 |");
        table.add("|---|---|---|---|---|");
        for (int rate : rates) {
            LoadGenerator.Result[] best = new LoadGenerator.Result[3];
            Target[] targets = {plain, authenticated, decisions};
            for (int round = 0; round < rounds; round++) {
                for (int t = 0; t < targets.length; t++) {
                    settle(pid);
                    LoadGenerator.Result r = load.constantRate(targets[t], rate, connections, seconds);
                    lines.add(String.format("ladder %5d/s round %d: %s", rate, round + 1, r.summary()));
                    if (best[t] == null || r.percentileMillis(99) < best[t].percentileMillis(99)) {
                        best[t] = r;
                    }
                }
            }
            table.add(String.format(
                    "| %d | %s | %s | %s | %.2f |",
                    rate,
                    tail(best[0]),
                    tail(best[1]),
                    tail(best[2]),
                    best[2].percentileMillis(99) / best[0].percentileMillis(99)));
        }
        lines.add("");
        lines.addAll(table);
        return lines;
    }

    private static String tail(LoadGenerator.Result r) {
        return String.format(
                "%.2f / %.2f / %.2f%s",
                r.percentileMillis(50),
                r.percentileMillis(99),
                r.percentileMillis(99.9),
                r.errors() > 0 ? " (" + r.errors() + " errors)" : "");
    }

    /**
     * A quick look without Keycloak's side: maximum throughput of decisions and of the constants, 10 s each; with
     * {@code --rate N}, decisions at a constant N/s for 20 s instead (after 10 s at that rate to warm the client).
     */
    static void probe(Map<String, String> o) throws Exception {
        String keycloak = o.get("keycloak");
        URI entitlement = URI.create(o.get("entitlement"));
        int connections = Integer.parseInt(o.getOrDefault("connections", "16"));
        List<Buffer> bodies = decisionBodies();
        long pid = Long.parseLong(o.getOrDefault("pid", "0"));
        System.out.printf("%.0f%% ALLOW%n", 100 * allowShare(entitlement, gatewayToken(keycloak), bodies, 300));
        try (LoadGenerator load = new LoadGenerator()) {
            if (pid > 0) {
                settle(pid);
            }
            if (o.containsKey("rate")) {
                // the first run warms this client up: a cold client's own stalls would count as the service's
                load.constantRate(
                        decisions(keycloak, entitlement, bodies), Integer.parseInt(o.get("rate")), connections, 10);
                settle(pid);
                System.out.println(load.constantRate(
                                decisions(keycloak, entitlement, bodies),
                                Integer.parseInt(o.get("rate")),
                                connections,
                                20)
                        .summary());
                System.out.println("requests over 5 ms by second of the run: " + load.lastSlowSeconds);
                return;
            }
            System.out.println(load.closedLoop(
                            new Target(
                                    "constant (plain GET)",
                                    HttpMethod.GET,
                                    entitlement.resolve("/v1/baseline/plain"),
                                    Map.of(),
                                    List.of(),
                                    200),
                            connections,
                            10)
                    .summary());
            System.out.println(load.closedLoop(authenticatedConstant(keycloak, entitlement), connections, 10)
                    .summary());
            System.out.println(load.closedLoop(decisions(keycloak, entitlement, bodies), connections, 10)
                    .summary());
        }
    }

    /** A policy of 50 capabilities over 5 models, with the constraint kinds real policies carry. */
    static String publishPolicy(String keycloak, URI entitlement) {
        String admin = Http.userToken(keycloak, "paula");
        Map<String, Object> capabilities = new LinkedHashMap<>();
        for (int i = 0; i < CAPABILITIES; i++) {
            Map<String, Object> entitlementRow = new LinkedHashMap<>();
            switch (i % 5) {
                case 0 -> entitlementRow.put("tiers", List.of("PUBLIC", "ENTERPRISE", "RESEARCH", "GOVERNMENT"));
                case 1 -> {
                    entitlementRow.put("tiers", List.of("ENTERPRISE", "RESEARCH", "GOVERNMENT"));
                    entitlementRow.put("obligations", List.of("retain-transcript-days=30"));
                }
                case 2 -> {
                    entitlementRow.put("tiers", List.of("RESEARCH", "GOVERNMENT"));
                    entitlementRow.put("deniedNationalities", List.of("@countries-of-concern"));
                    entitlementRow.put("deniedJurisdictions", List.of("@countries-of-concern"));
                }
                case 3 -> {
                    entitlementRow.put("tiers", List.of("GOVERNMENT"));
                    entitlementRow.put("allowedNationalities", List.of("US"));
                    entitlementRow.put("allowedJurisdictions", List.of("US"));
                    entitlementRow.put("onJurisdictionMismatch", "DENY");
                }
                default -> {
                    entitlementRow.put("tiers", List.of("PUBLIC", "ENTERPRISE", "RESEARCH", "GOVERNMENT"));
                    entitlementRow.put("maxVerificationAge", "P365D");
                    entitlementRow.put("hostingNetworks", "DENY");
                }
            }
            capabilities.put("bench-model-" + (i % 5) + ":feature-" + i, List.of(entitlementRow));
        }
        String version = "bench-" + System.currentTimeMillis();
        Http.send(
                        "POST",
                        entitlement.resolve("/v1/policies").toString(),
                        admin,
                        Map.of("version", version, "description", "decision benchmark", "capabilities", capabilities))
                .expect(201);
        Http.send(
                        "POST",
                        entitlement
                                .resolve("/v1/policies/" + version + "/publication?breakGlass=true")
                                .toString(),
                        admin,
                        null)
                .expect(200);
        return version;
    }

    /**
     * 20,000 distinct requests shaped like a gateway's traffic: subjects drawn from a Zipf distribution (s = 1: a few
     * heavy users, a long tail), nine requests in ten for a capability the subject's tier is entitled to (the rest
     * anywhere), a declared jurisdiction and a random client IP.
     */
    static List<Buffer> decisionBodies() throws Exception {
        Random random = new Random(42);
        double[] cumulative = new double[SUBJECTS];
        double sum = 0;
        for (int i = 0; i < SUBJECTS; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        List<Buffer> bodies = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            int found = java.util.Arrays.binarySearch(cumulative, random.nextDouble() * sum);
            // rank r is the subject r * 7919 mod SUBJECTS: heavy users spread over the tiers and nationalities
            int n = 1 + (int) (((long) (found >= 0 ? found : -found - 1) * 7919) % SUBJECTS);
            int capability = random.nextInt(10) == 0 ? random.nextInt(CAPABILITIES) : entitledCapability(n, random);
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("jurisdiction", JURISDICTIONS.get(random.nextInt(JURISDICTIONS.size())));
            context.put(
                    "clientIp",
                    (1 + random.nextInt(222)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                            + (1 + random.nextInt(254)));
            bodies.add(Buffer.buffer(Http.JSON.writeValueAsBytes(Map.of(
                    "subject",
                    String.format("00000000-0000-4000-8000-%012d", n),
                    "capability",
                    "bench-model-" + (capability % 5) + ":feature-" + capability,
                    "context",
                    context))));
        }
        return bodies;
    }

    /** A capability whose tiers include the seeded tier of subject n (see {@link #publishPolicy}). */
    static int entitledCapability(int n, Random random) {
        String tier = TIERS[n % 10];
        List<Integer> kinds = switch (tier) {
            case "PUBLIC" -> List.of(0, 4);
            case "ENTERPRISE" -> List.of(0, 1, 4);
            case "RESEARCH" -> List.of(0, 1, 2, 4);
            default -> List.of(0, 1, 2, 3, 4);
        };
        int kind = kinds.get(random.nextInt(kinds.size()));
        return kind + 5 * random.nextInt(CAPABILITIES / 5);
    }

    /** The share of ALLOWs among the first requests, asked one by one before the load. */
    static double allowShare(URI entitlement, String token, List<Buffer> bodies, int sample) {
        int allowed = 0;
        for (int i = 0; i < sample; i++) {
            Http.Reply reply = Http.send(
                            "POST",
                            entitlement.resolve("/v1/decisions").toString(),
                            token,
                            bodies.get(i).toString())
                    .expect(200);
            if (reply.body().contains("\"decision\":\"ALLOW\"")) {
                allowed++;
            }
        }
        return (double) allowed / sample;
    }

    /**
     * The RSS once it has stopped falling (sampled every 15 s, at most 2 minutes): an idle JVM gives back the heap
     * its start-up churned through only after its periodic collections (G1PeriodicGCInterval, set by the launcher).
     */
    static long idleRssKb(long pid) throws Exception {
        settle(pid);
        long deadline = System.nanoTime() + 120_000_000_000L;
        long last = rssKb(pid);
        while (System.nanoTime() < deadline) {
            Thread.sleep(15_000);
            long now = rssKb(pid);
            if (now > last - last / 100) {
                return Math.min(now, last);
            }
            last = now;
        }
        return last;
    }

    /** Waits (up to a minute) until the service is idle, so one phase's background work does not bleed into the next. */
    static void settle(long pid) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        int quiet = 0;
        long last = cpuTicks(pid);
        while (quiet < 2 && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            long now = cpuTicks(pid);
            quiet = now - last < 10 ? quiet + 1 : 0; // under a tenth of a core (100 ticks/s)
            last = now;
        }
    }

    private static long cpuTicks(long pid) throws Exception {
        String[] fields = Files.readString(Path.of("/proc/" + pid + "/stat"))
                .replaceAll("^.*\\) ", "")
                .split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
    }

    static Target decisions(String keycloak, URI entitlement, List<Buffer> bodies) {
        return new Target(
                "POST /v1/decisions",
                HttpMethod.POST,
                entitlement.resolve("/v1/decisions"),
                Map.of("Authorization", "Bearer " + gatewayToken(keycloak), "Content-Type", "application/json"),
                bodies,
                200);
    }

    static Target authenticatedConstant(String keycloak, URI entitlement) {
        return new Target(
                "constant (gateway token)",
                HttpMethod.POST,
                entitlement.resolve("/v1/baseline/authenticated"),
                Map.of("Authorization", "Bearer " + gatewayToken(keycloak)),
                List.of(),
                200);
    }

    static String gatewayToken(String keycloak) {
        return Http.token(
                keycloak,
                Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        "demo-gateway",
                        "client_secret",
                        "demo-gateway-secret"));
    }

    static long rssKb(long pid) throws Exception {
        return statusKb(pid, "VmRSS:");
    }

    static long peakRssKb(long pid) throws Exception {
        return statusKb(pid, "VmHWM:");
    }

    private static long statusKb(long pid, String field) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
