package io.tiergate.e2e;

import static io.tiergate.commons.testing.KeycloakTokens.OLIVIA;
import static io.tiergate.commons.testing.KeycloakTokens.OSCAR;
import static io.tiergate.e2e.Client.answered;
import static io.tiergate.e2e.Client.change;
import static io.tiergate.e2e.PlatformProcesses.IDENTITY;
import static io.tiergate.e2e.PlatformProcesses.TIER;
import static io.tiergate.e2e.PlatformProcesses.url;

import com.fasterxml.jackson.databind.JsonNode;
import io.tiergate.commons.testing.KeycloakTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The flow of state changes a fault suite runs faults under: customer lanes onboard customers (a verification, the
 * PUBLIC grant tier-service makes on it) and then revoke and grant their tier again and again; a governance lane
 * issues, confirms and lifts directives and publishes policies, each with four eyes, over both entitlement-service
 * instances. Changes are admitted up to a limit the fault schedule raises, so that each fault happens at its
 * fraction of the flow, mid-flow.
 */
final class ChangeFlow {

    /** Marks the flow's grants and directives, so that the services' tables tell them from other suites'. */
    static final String MARK = "faults:";

    static final String DIRECTED_CAPABILITY = "faults-drill:directed";

    /** The governance lane's share of the flow's changes, at most. */
    static final int GOVERNANCE_PERCENT = 15;

    final int target;
    final String run;
    /** Every subject the flow onboarded. */
    final Set<String> subjects = ConcurrentHashMap.newKeySet();

    private final List<String> entitlementInstances;
    private final AtomicInteger nextInstance = new AtomicInteger();
    private final Map<String, LongAdder> made = new ConcurrentHashMap<>();
    private final Object gate = new Object();
    private int admitted;
    private int governed;
    private int limit;
    private boolean limitIsFinal;
    private volatile Throwable failure;

    ChangeFlow(int target, String run, List<String> entitlementInstances) {
        this.target = target;
        this.run = run;
        this.entitlementInstances = List.copyOf(entitlementInstances);
    }

    /** Starts the lanes; the returned future completes when the flow has made its changes (or one lane failed). */
    CompletableFuture<Void> start(int customerLanes) {
        ExecutorService lanes = Executors.newFixedThreadPool(customerLanes + 1);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < customerLanes; i++) {
            all.add(CompletableFuture.runAsync(guarded(this::customerLane), lanes));
        }
        all.add(CompletableFuture.runAsync(guarded(this::governanceLane), lanes));
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                .whenComplete((done, e) -> lanes.shutdown());
    }

    /** Lets the flow admit changes up to this many in all; {@code last}: the flow ends there. */
    void admitUpTo(int changes, boolean last) {
        synchronized (gate) {
            limit = Math.max(limit, changes);
            limitIsFinal = last;
            gate.notifyAll();
        }
    }

    /** Ends the flow where it is: each lane stops at its next change. */
    void end() {
        synchronized (gate) {
            limit = admitted;
            limitIsFinal = true;
            gate.notifyAll();
        }
    }

    int admitted() {
        synchronized (gate) {
            return admitted;
        }
    }

    Throwable failure() {
        return failure;
    }

    /** The changes as the driver saw them, by kind (the figures count them from the services' tables). */
    Map<String, Long> made() {
        Map<String, Long> counts = new TreeMap<>();
        made.forEach((kind, n) -> counts.put(kind, n.sum()));
        return counts;
    }

    /** Waits for room under the limit for {@code changes} more; false when the flow is over. */
    private boolean admit(int changes) {
        return admit(changes, false);
    }

    /**
     * Waits for room under the limit for {@code changes} more, and for a governance change also for the lane's
     * share to allow it (directives and publications are quick; left alone they would be most of the flow); false
     * when the flow is over.
     */
    private boolean admit(int changes, boolean governance) {
        synchronized (gate) {
            while (failure == null
                    && !(limitIsFinal && admitted >= limit)
                    && (admitted >= limit
                            || governance && (governed + changes) * 100 > (admitted + changes) * GOVERNANCE_PERCENT)) {
                try {
                    gate.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            if (failure != null || (limitIsFinal && admitted >= limit)) {
                return false;
            }
            admitted += changes;
            if (governance) {
                governed += changes;
            }
            gate.notifyAll();
            return true;
        }
    }

    private Runnable guarded(Runnable lane) {
        return () -> {
            try {
                lane.run();
            } catch (Throwable e) {
                synchronized (gate) {
                    if (failure == null) {
                        failure = e;
                    }
                    gate.notifyAll();
                }
                throw e;
            }
        };
    }

    private void count(String kind) {
        made.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    // ---------------------------------------------------------------- customers: verification, grants, revocations

    private void customerLane() {
        while (admit(1)) {
            Steps.Customer customer = Steps.newCustomer("faults");
            subjects.add(customer.subject());
            verify(customer);
            String grant = publicGrantOf(customer.subject());
            count("grant (automatic on verification)");
            // an even number leaves the subject granted, an odd one revoked: the projection must end up right either
            // way
            int changes = 2 + ThreadLocalRandom.current().nextInt(12);
            for (int i = 0; i < changes && admit(1); i++) {
                if (grant != null) {
                    revoke(grant);
                    grant = null;
                } else {
                    grant = grant(customer.subject());
                }
            }
        }
    }

    private void verify(Steps.Customer customer) {
        String token = KeycloakTokens.user(customer.username());
        String status = change(
                "verification of " + customer.subject(),
                () -> Client.post(
                        url(IDENTITY) + "/v1/verifications",
                        token,
                        Map.of(
                                "givenName", customer.username(),
                                "familyName", "Example",
                                "dateOfBirth", "1988-02-29",
                                "nationalities", List.of("DE"),
                                "residenceCountry", "DE")),
                reply -> reply.body().path("status").asText(),
                () -> {
                    Client.Reply latest = answered(Client.get(url(IDENTITY) + "/v1/verifications/latest", token));
                    return latest.succeeded()
                            ? Optional.of(latest.body().path("status").asText())
                            : Optional.empty();
                });
        if (!"VERIFIED".equals(status)) {
            throw new AssertionError(customer.subject() + " was not verified at once but " + status);
        }
        count("verification");
    }

    /** The PUBLIC grant tier-service makes once it learns (from Kafka) of the verification: it waits out Kafka. */
    private String publicGrantOf(String subject) {
        long deadline = System.nanoTime() + Client.PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> grant = activePublicGrant(subject);
            if (grant.isPresent()) {
                return grant.get();
            }
            java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L); // polling tier-service, not a fixed wait
        }
        throw new AssertionError("tier-service did not grant " + subject + " PUBLIC within " + Client.PATIENCE);
    }

    private Optional<String> activePublicGrant(String subject) {
        Client.Reply grants = Client.read(
                "grants of " + subject,
                () -> Client.get(url(TIER) + "/v1/grants?subject=" + subject, KeycloakTokens.user(OSCAR)));
        for (JsonNode grant : grants.body()) {
            if ("ACTIVE".equals(grant.path("status").asText())
                    && "PUBLIC".equals(grant.path("tier").asText())) {
                return Optional.of(grant.path("id").asText());
            }
        }
        return Optional.empty();
    }

    private String grant(String subject) {
        String id = change(
                "grant to " + subject,
                () -> Client.post(
                        url(TIER) + "/v1/grants",
                        KeycloakTokens.user(OLIVIA),
                        Map.of("subject", subject, "tier", "PUBLIC", "justification", MARK + " granted again " + run)),
                reply -> reply.body().path("id").asText(),
                () -> activePublicGrant(subject));
        count("grant (by an officer)");
        return id;
    }

    private void revoke(String grant) {
        change(
                "revocation of " + grant,
                () -> Client.post(
                        url(TIER) + "/v1/grants/" + grant + "/revocation",
                        KeycloakTokens.user(OSCAR),
                        Map.of("reason", MARK + " access review " + run)),
                reply -> grant,
                () -> {
                    Client.Reply now =
                            answered(Client.get(url(TIER) + "/v1/grants/" + grant, KeycloakTokens.user(OSCAR)));
                    return "REVOKED".equals(now.body().path("status").asText()) ? Optional.of(grant) : Optional.empty();
                });
        count("revocation");
    }

    // ---------------------------------------------------------------- governance: directives and policies, four eyes

    private void governanceLane() {
        JsonNode capabilities = policyInForce().path("document").path("capabilities");
        for (int round = 0; ; round++) {
            if (round % 2 == 0) {
                if (!admit(3, true)) {
                    return;
                }
                directiveLifecycle(round);
            } else {
                if (!admit(1, true)) {
                    return;
                }
                publishPolicy(round, capabilities);
            }
        }
    }

    /** The next entitlement-service instance: requests alternate, so a resend goes to the other one. */
    private String entitlement() {
        return entitlementInstances.get(Math.floorMod(nextInstance.getAndIncrement(), entitlementInstances.size()));
    }

    private void directiveLifecycle(int round) {
        String reason = MARK + " drill " + run + " #" + round;
        String id = change(
                "directive " + reason,
                () -> Client.post(
                        entitlement() + "/v1/directives",
                        KeycloakTokens.user(OLIVIA),
                        Map.of("capability", DIRECTED_CAPABILITY, "denyAll", true, "reason", reason)),
                reply -> reply.body().path("id").asText(),
                () -> directive(reason).map(d -> d.path("id").asText()));
        count("directive issued");
        change(
                "confirmation of directive " + id,
                () -> Client.post(
                        entitlement() + "/v1/directives/" + id + "/confirmation", KeycloakTokens.user(OSCAR), Map.of()),
                reply -> id,
                () -> directive(reason)
                        .filter(d -> !"PENDING".equals(d.path("status").asText()))
                        .map(d -> id));
        count("directive confirmed");
        change(
                "lifting directive " + id,
                () -> Client.post(
                        entitlement() + "/v1/directives/" + id + "/revocation", KeycloakTokens.user(OLIVIA), Map.of()),
                reply -> id,
                () -> directive(reason)
                        .filter(d -> "REVOKED".equals(d.path("status").asText()))
                        .map(d -> id));
        count("directive lifted");
    }

    private Optional<JsonNode> directive(String reason) throws java.io.IOException {
        Client.Reply all = answered(Client.get(entitlement() + "/v1/directives", KeycloakTokens.user(OLIVIA)));
        for (JsonNode directive : all.body()) {
            if (reason.equals(directive.path("reason").asText())) {
                return Optional.of(directive);
            }
        }
        return Optional.empty();
    }

    private JsonNode policyInForce() {
        Client.Reply list =
                Client.read("policies", () -> Client.get(entitlement() + "/v1/policies", KeycloakTokens.user(OLIVIA)));
        String version = null;
        for (JsonNode policy : list.body()) {
            if (policy.path("inForce").asBoolean()) {
                version = policy.path("version").asText();
            }
        }
        String inForce = version;
        return Client.read(
                        "policy " + inForce,
                        () -> Client.get(entitlement() + "/v1/policies/" + inForce, KeycloakTokens.user(OLIVIA)))
                .body();
    }

    /**
     * Publishes the policy in force again under a version of its own (drafted by one officer, confirmed by another):
     * a publication every instance applies, while what the policy allows stays what the other suites expect.
     */
    private void publishPolicy(int round, JsonNode capabilities) {
        String version = "faults-" + run + "-" + round;
        change(
                "draft " + version,
                () -> Client.post(
                        entitlement() + "/v1/policies",
                        KeycloakTokens.user(OLIVIA),
                        Map.of(
                                "version",
                                version,
                                "description",
                                "the policy in force, published again by the fault suite",
                                "capabilities",
                                capabilities)),
                reply -> version,
                () -> answered(Client.get(entitlement() + "/v1/policies/" + version, KeycloakTokens.user(OLIVIA)))
                                .succeeded()
                        ? Optional.of(version)
                        : Optional.empty());
        String request = change(
                "publication request of " + version,
                () -> Client.post(
                        entitlement() + "/v1/policies/" + version + "/publication",
                        KeycloakTokens.user(OLIVIA),
                        Map.of()),
                reply -> reply.body().path("id").asText(),
                () -> {
                    Client.Reply pending = answered(Client.get(
                            entitlement() + "/v1/policies/publication-requests", KeycloakTokens.user(OLIVIA)));
                    for (JsonNode candidate : pending.body()) {
                        if (version.equals(candidate.path("version").asText())) {
                            return Optional.of(candidate.path("id").asText());
                        }
                    }
                    return Optional.empty();
                });
        change(
                "confirmation of " + version,
                () -> Client.post(
                        entitlement() + "/v1/policies/publication-requests/" + request + "/confirmation",
                        KeycloakTokens.user(OSCAR),
                        Map.of()),
                reply -> version,
                () -> {
                    Client.Reply list =
                            answered(Client.get(entitlement() + "/v1/policies", KeycloakTokens.user(OLIVIA)));
                    for (JsonNode policy : list.body()) {
                        if (version.equals(policy.path("version").asText())
                                && policy.path("inForce").asBoolean()) {
                            return Optional.of(version);
                        }
                    }
                    return Optional.empty();
                });
        count("policy publication");
    }
}
