package io.tiergate.e2e;

import static io.tiergate.e2e.PlatformProcesses.AUDIT;
import static io.tiergate.e2e.PlatformProcesses.ENTITLEMENT;
import static io.tiergate.e2e.PlatformProcesses.IDENTITY;
import static io.tiergate.e2e.PlatformProcesses.TIER;
import static io.tiergate.e2e.PlatformProcesses.url;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiergate.commons.testing.KeycloakTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Faults with nothing lost (issue 15 §1): a flow of state changes across the packaged services (verifications,
 * grants, revocations, directives, policy publications) runs while Kafka is stopped for 30 s, PostgreSQL is
 * restarted, each service is SIGKILLed and restarted, and one of two entitlement-service instances is killed.
 * Afterwards the audit trail holds exactly one entry per domain event (every outbox row of the flow, by event id),
 * entitlement-service's projection agrees with tier-service and identity-service for every subject (in its table
 * and in both instances' memory), and the Merkle log verifies offline with audit-verifier. The figures are printed.
 *
 * <p>{@code -Dtiergate.faults.changes} sets the flow's size: the default is the short form {@code deploy/tiergate
 * test} runs; docs/runbook.md ("Fault suite") gives the command of the full run of 10,000.
 */
class NothingLostEndToEndIT {

    static final int CHANGES = Integer.getInteger("tiergate.faults.changes", 1_500);
    static final int CUSTOMER_LANES = Integer.getInteger("tiergate.faults.lanes", 4);
    static final Duration KAFKA_AWAY = Duration.ofSeconds(30);
    /** How far past a fault's point the flow may run before the fault fires, so that it strikes a running flow. */
    static final int SLACK = Math.max(20, CHANGES / 50);

    static final String SECOND = "entitlement-service-faults-2";
    static final Map<String, String> SECOND_ENV =
            Map.of("TIERGATE_PROJECTION_CONSUMER_GROUP", "entitlement-service-e2e-faults-2");
    /** All the flow's customers sign up from 127.0.0.1: the per-address submission limit is for real clients. */
    static final Map<String, String> IDENTITY_ENV =
            Map.of("TIERGATE_ABUSE_PER_IP", "1000000", "TIERGATE_ABUSE_PER_ACCOUNT", "1000");

    static int secondPort;
    /** Processes a drill stopped that the suite has not seen back yet: {@link #leaveTheEnvironmentRunning} starts them. */
    static final Set<String> down = ConcurrentHashMap.newKeySet();

    /** A fault as it happened: when in the flow, how long its part was away, and how long until all was healed. */
    record Fault(String name, int atChange, Duration away, Duration heal) {}

    interface Drill {
        void strike();
    }

    @BeforeAll
    static void startTheFlowsPlatform() {
        PlatformProcesses.ensureStarted();
        PlatformProcesses.stop(IDENTITY);
        down.add(IDENTITY);
        startIdentity();
        secondPort = freePort();
        startSecond();
    }

    /** Kafka and PostgreSQL run again, and the four services as the other suites expect them, whatever happened. */
    @AfterAll
    static void leaveTheEnvironmentRunning() {
        try {
            PlatformProcesses.infrastructure("kafka", "start");
        } finally {
            try {
                PlatformProcesses.infrastructure("postgres", "start");
            } finally {
                PlatformProcesses.stop(SECOND);
                PlatformProcesses.stop(IDENTITY);
                PlatformProcesses.start(IDENTITY);
                for (String service : down) {
                    if (!service.equals(SECOND) && !service.equals(IDENTITY)) {
                        PlatformProcesses.stop(service);
                        PlatformProcesses.start(service);
                    }
                }
            }
        }
    }

    @Test
    void faultsDuringTheFlowLoseNothing() throws Exception {
        Map<String, Long> outboxMarks = PlatformRecords.outboxMarks();
        long leafMark = PlatformRecords.auditMark();
        Instant since = Instant.now();
        String run = Long.toString(System.currentTimeMillis(), 36);
        String second = "http://127.0.0.1:" + secondPort;
        List<String> instances = List.of(url(ENTITLEMENT), second);
        Backlog backlog = new Backlog(outboxMarks);

        Map<String, Drill> schedule = new LinkedHashMap<>();
        schedule.put("Kafka stopped " + KAFKA_AWAY.toSeconds() + " s, then started", () -> {
            PlatformProcesses.infrastructure("kafka", "stop");
            LockSupport.parkNanos(KAFKA_AWAY.toNanos()); // the outage itself, not a wait for a condition
            PlatformProcesses.infrastructure("kafka", "start");
        });
        schedule.put("PostgreSQL restarted", () -> {
            PlatformProcesses.infrastructure("postgres", "stop");
            PlatformProcesses.infrastructure("postgres", "start");
        });
        schedule.put("identity-service SIGKILLed", () -> killAndRestart(IDENTITY));
        schedule.put("tier-service SIGKILLed", () -> killAndRestart(TIER));
        schedule.put("entitlement-service SIGKILLed", () -> killAndRestart(ENTITLEMENT));
        schedule.put("audit-service SIGKILLed", () -> killAndRestart(AUDIT));
        schedule.put("one of two entitlement-service instances SIGKILLed", () -> killAndRestart(SECOND));

        ChangeFlow flow = new ChangeFlow(CHANGES, run, instances);
        List<String> names = new ArrayList<>(schedule.keySet());
        flow.admitUpTo(pointOf(0, names.size()) + SLACK, false);
        long started = System.nanoTime();
        CompletableFuture<Void> lanes = flow.start(CUSTOMER_LANES);
        List<Fault> faults = new ArrayList<>();
        try {
            for (int i = 0; i < names.size(); i++) {
                int point = pointOf(i, names.size());
                await(names.get(i) + " at change " + point)
                        .atMost(Duration.ofMinutes(15))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> flow.failure() != null || flow.admitted() >= point);
                if (flow.failure() != null) {
                    break;
                }
                int at = flow.admitted();
                long struck = System.nanoTime();
                schedule.get(names.get(i)).strike();
                Instant back = Instant.now();
                Duration away = Duration.ofNanos(System.nanoTime() - struck);
                // the flow runs on through the outage and the healing, up to the next fault's point
                flow.admitUpTo(i + 1 < names.size() ? pointOf(i + 1, names.size()) + SLACK : CHANGES, false);
                await(names.get(i) + " healed: every event written before it ended is in the audit trail")
                        .atMost(Duration.ofMinutes(5))
                        .pollInterval(Duration.ofMillis(250))
                        .ignoreExceptions()
                        .until(() -> backlog.unaudited(back) == 0);
                faults.add(new Fault(names.get(i), at, away, Duration.ofNanos(System.nanoTime() - struck)));
            }
            flow.admitUpTo(CHANGES, true);
            lanes.get(Client.PATIENCE.toMinutes() * 2, TimeUnit.MINUTES);
        } finally {
            flow.end(); // a failed schedule ends the flow too, so that no lane outlives the test
        }
        double flowSeconds = (System.nanoTime() - started) / 1e9;
        assertEquals(names.size(), faults.size(), "every fault struck mid-flow");

        // ---- drained: the outboxes relayed everything and the audit trail holds it, and stopped growing
        long drainStarted = System.nanoTime();
        await("outboxes drained into the audit trail")
                .atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> PlatformRecords.unpublished(outboxMarks) == 0 && backlog.unaudited(null) == 0);
        long[] lastSize = {-1};
        await("the audit trail stops growing")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    long size = PlatformRecords.auditSize();
                    boolean still = size == lastSize[0];
                    lastSize[0] = size;
                    return still;
                });
        double drainSeconds = (System.nanoTime() - drainStarted) / 1e9;

        // ---- one audit entry per domain event: none missing, none doubled, none from nowhere. The domain events are
        // the outbox rows; decision-log records and usage deltas go to Kafka straight (DecisionEventWriter: a crash
        // may lose those queued, by design) and are not among them unless the broker refused them into the outbox.
        // audit_entry.event_id is UNIQUE, so a doubled entry cannot be stored today: the count is there for the day
        // the log is appended otherwise (NothingLostChecksTest shows both counts noticing).
        List<PlatformRecords.OutboxEvent> events = PlatformRecords.outboxSince(outboxMarks, null);
        List<PlatformRecords.OutboxEvent> audited = events.stream()
                .filter(e -> PlatformRecords.AUDITED_TOPICS.contains(e.topic()))
                .toList();
        Map<String, Long> notAudited = events.stream()
                .filter(e -> !PlatformRecords.AUDITED_TOPICS.contains(e.topic()))
                .collect(Collectors.groupingBy(e -> e.topic(), TreeMap::new, Collectors.counting()));
        Set<UUID> eventIds =
                audited.stream().map(PlatformRecords.OutboxEvent::id).collect(Collectors.toSet());
        TrailCoverage coverage = TrailCoverage.of(eventIds, PlatformRecords.auditEntriesOf(eventIds));
        List<UUID> missing = coverage.missing();
        List<UUID> doubled = coverage.doubled();
        Set<String> sourceTopics =
                audited.stream().map(PlatformRecords.OutboxEvent::topic).collect(Collectors.toSet());
        Map<UUID, String> appended = PlatformRecords.auditEntriesSince(leafMark, sourceTopics);
        Set<UUID> unexplained = new HashSet<>(appended.keySet());
        unexplained.removeAll(eventIds);
        if (!unexplained.isEmpty()) {
            unexplained.removeAll(PlatformRecords.inAnyOutbox(unexplained)); // an earlier suite's, appended late
        }

        // ---- the projection agrees with its sources, in the table and in both instances' memory
        List<String> subjects = new ArrayList<>(flow.subjects);
        List<String> disagreements = new ArrayList<>();
        await("entitlement-service's projection agrees with tier-service and identity-service")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> {
                    disagreements.clear();
                    disagreements.addAll(projectionDisagreements(subjects));
                    return disagreements.isEmpty();
                });
        Map<String, List<String>> memory = new LinkedHashMap<>();
        for (String instance : instances) {
            List<String> wrong = new ArrayList<>();
            await(instance + " decides as tier-service's state says")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions()
                    .until(() -> {
                        wrong.clear();
                        wrong.addAll(decisionDisagreements(instance, subjects));
                        return wrong.isEmpty();
                    });
            memory.put(instance, wrong);
        }

        // ---- the Merkle log verifies offline
        String verified = verifyOffline();

        Map<String, Long> changes = PlatformRecords.changesByKind(subjects, since, ChangeFlow.MARK + " drill " + run);
        long changeCount = changes.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder figures = new StringBuilder();
        figures.append(String.format(
                "%nFAULTS WITH NOTHING LOST: %,d state changes (goal >= %,d) over %d subjects in %.0f s, %d customer lanes "
                        + "and a governance lane%n",
                changeCount, CHANGES, subjects.size(), flowSeconds, CUSTOMER_LANES));
        changes.forEach((kind, n) -> figures.append(String.format("  %-40s %,8d%n", kind, n)));
        figures.append(String.format("  (as the driver counted them: %s)%n", flow.made()));
        figures.append(String.format(
                "events: %,d domain events in the outboxes of the flow, %,d on audited topics; not audited, by topic: %s"
                        + "%n",
                events.size(), audited.size(), notAudited));
        PlatformRecords.byType(audited).forEach((type, n) -> figures.append(String.format("  %-60s %,8d%n", type, n)));
        figures.append(String.format("faults: %d%n", faults.size()));
        for (Fault fault : faults) {
            figures.append(String.format(
                    "  %-52s at change %,6d: away %5.1f s, healed after %5.1f s%n",
                    fault.name(), fault.atChange(), seconds(fault.away()), seconds(fault.heal())));
        }
        figures.append(String.format(
                "drained %.1f s after the flow; audit entries missing %d, doubled %d (goal 0), from no outbox %d;"
                        + " projection disagreements %d, decisions disagreeing %s; offline verification: %s%n",
                drainSeconds,
                missing.size(),
                doubled.size(),
                unexplained.size(),
                disagreements.size(),
                memory.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue().size())
                        .toList(),
                verified));
        System.out.println(figures);

        assertTrue(changeCount >= CHANGES, changeCount + " changes, fewer than " + CHANGES);
        assertEquals(List.of(), first(missing), missing.size() + " domain events missing from the audit trail");
        assertEquals(List.of(), first(doubled), doubled.size() + " domain events audited twice");
        assertEquals(List.of(), first(new ArrayList<>(unexplained)), "audit entries of no domain event");
        assertEquals(List.of(), first(disagreements), "projection disagreements");
        memory.forEach((instance, wrong) -> assertEquals(List.of(), first(wrong), "decisions at " + instance));
        assertTrue(verified.startsWith("OK"), "offline verification: " + verified);
    }

    /** Where in the flow the i-th of n faults strikes: spread evenly from a tenth of it to nine tenths. */
    private static int pointOf(int i, int n) {
        return (int) (CHANGES * (0.1 + 0.8 * i / Math.max(1, n - 1)));
    }

    private static void killAndRestart(String name) {
        down.add(name);
        PlatformProcesses.kill(name);
        switch (name) {
            case IDENTITY -> startIdentity();
            case SECOND -> startSecond();
            default -> PlatformProcesses.start(name);
        }
        down.remove(name);
    }

    private static void startIdentity() {
        PlatformProcesses.startVariant(
                IDENTITY, IDENTITY, PlatformProcesses.PORTS.get(IDENTITY), "identity", IDENTITY_ENV);
        down.remove(IDENTITY);
    }

    private static void startSecond() {
        PlatformProcesses.startVariant(SECOND, ENTITLEMENT, secondPort, "entitlement", SECOND_ENV);
    }

    /**
     * The flow's events not yet in the audit trail. Event ids found there are remembered (an entry is never removed),
     * so that each poll asks audit-service's database only about the rest.
     */
    static final class Backlog {
        private final Map<String, Long> marks;
        private final Set<UUID> audited = ConcurrentHashMap.newKeySet();

        Backlog(Map<String, Long> marks) {
            this.marks = marks;
        }

        /** How many events on audited topics written before {@code until} (null: ever) the trail lacks. */
        long unaudited(Instant until) {
            List<UUID> open = PlatformRecords.outboxSince(marks, until).stream()
                    .filter(e -> PlatformRecords.AUDITED_TOPICS.contains(e.topic()))
                    .map(PlatformRecords.OutboxEvent::id)
                    .filter(id -> !audited.contains(id))
                    .toList();
            Set<UUID> found = PlatformRecords.auditEntriesOf(open).keySet();
            audited.addAll(found);
            return open.size() - found.size();
        }
    }

    private static List<String> projectionDisagreements(List<String> subjects) {
        return ProjectionAgreement.disagreements(
                subjects,
                PlatformRecords.identityOf(subjects),
                PlatformRecords.activeGrantsOf(subjects),
                PlatformRecords.projectionOf(subjects));
    }

    /** Subjects an instance decides for otherwise than their live grants say: ALLOW with a PUBLIC grant, else DENY. */
    private static List<String> decisionDisagreements(String instance, List<String> subjects) throws IOException {
        Map<String, Map<String, String>> grants = PlatformRecords.activeGrantsOf(subjects);
        List<String> wrong = new ArrayList<>();
        for (String subject : subjects) {
            String expected = grants.containsKey(subject) ? "ALLOW" : "DENY";
            Client.Reply decision = Client.post(
                    instance + "/v1/decisions",
                    KeycloakTokens.gateway(),
                    Map.of(
                            "subject",
                            subject,
                            "capability",
                            Steps.FABLE_CHAT,
                            "context",
                            Map.of("jurisdiction", "DE")));
            String verdict = decision.body().path("decision").asText();
            if (!expected.equals(verdict)) {
                wrong.add(subject + ": " + verdict + " " + decision.body().path("reasons") + ", expected " + expected);
            }
        }
        return wrong;
    }

    /** Exports the whole log and runs the packaged audit-verifier on it, as an auditor would: its verdict line. */
    private static String verifyOffline() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String auditor = KeycloakTokens.user(KeycloakTokens.AUDREY);
        String key = Client.read("the log key", () -> Client.get(url(AUDIT) + "/v1/log-key", auditor))
                .body()
                .path("verifierKey")
                .asText();
        Path export = PlatformProcesses.ROOT.resolve("e2e-tests/target/nothing-lost-export.jsonl");
        Files.createDirectories(export.getParent());
        HttpResponse<Path> exported = http.send(
                HttpRequest.newBuilder(URI.create(url(AUDIT) + "/v1/exports"))
                        .header("Authorization", "Bearer " + auditor)
                        .timeout(Duration.ofMinutes(5))
                        .build(),
                HttpResponse.BodyHandlers.ofFile(export));
        assertEquals(200, exported.statusCode(), () -> "export: " + read(export));
        Path verifier = PlatformProcesses.ROOT.resolve("audit-verifier/target/audit-verifier.jar");
        Process process = new ProcessBuilder("java", "-jar", verifier.toString(), export.toString(), key)
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return "FAILED: the verifier did not finish";
        }
        long lines;
        try (var stream = Files.lines(export)) {
            lines = stream.count();
        }
        return output + " (exit " + process.exitValue() + "; export of " + String.format("%,d", lines) + " lines, "
                + String.format("%,d", Files.size(export) / 1024) + " KiB)";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> List<T> first(List<T> items) {
        return items.subList(0, Math.min(10, items.size()));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
