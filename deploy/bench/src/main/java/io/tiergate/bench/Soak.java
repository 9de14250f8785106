package io.tiergate.bench;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak (issue 15 §7), run by {@code deploy/tiergate soak} against the running dev platform: decisions at a
 * constant rate for as many minutes as asked, while customers onboard and officers grant and revoke tiers in the
 * background, with no faults. Every minute it prints the decisions' errors and tail, the background changes, each
 * service's RSS and its outbox backlog; at the end, how far each RSS moved over the second half (flat memory is the
 * goal) and the errors (0 is the goal).
 */
final class Soak {

    /** Residences (and nationalities) the background customers declare: none is a country of concern. */
    private static final List<String> COUNTRIES = List.of("DE", "FR", "US", "JP", "BR", "CA", "NL", "SE");

    private final String keycloak;
    private final String keycloakAdmin;
    private final String keycloakAdminPassword;
    private final Map<String, URI> services;
    private final Map<String, Long> pids;
    /** Subjects the decisions ask about: verified customers of this run. */
    private final List<String> subjects = new CopyOnWriteArrayList<>();
    /** Subjects whose PUBLIC grant an officer revoked, to be granted again. */
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();

    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong changeErrors = new AtomicLong();
    private volatile String lastChangeError = "";

    private Soak(String keycloak, String[] keycloakAdmin, Map<String, URI> services, Map<String, Long> pids) {
        this.keycloak = keycloak;
        this.keycloakAdmin = keycloakAdmin[0];
        this.keycloakAdminPassword = keycloakAdmin[1];
        this.services = services;
        this.pids = pids;
    }

    static void soak(Map<String, String> o) throws Exception {
        Map<String, URI> services = new LinkedHashMap<>();
        for (String pair : o.get("services").split(",")) {
            String[] kv = pair.split("=", 2);
            services.put(kv[0], URI.create(kv[1]));
        }
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String pair : o.get("pids").split(",")) {
            String[] kv = pair.split("=", 2);
            pids.put(kv[0], Long.parseLong(kv[1]));
        }
        String[] keycloakAdmin = {
            o.getOrDefault("keycloak-admin", "admin"), o.getOrDefault("keycloak-admin-password", "admin")
        };
        new Soak(o.get("keycloak"), keycloakAdmin, services, pids)
                .run(
                        Integer.parseInt(o.getOrDefault("minutes", "30")),
                        Integer.parseInt(o.getOrDefault("rate", "1000")),
                        Integer.parseInt(o.getOrDefault("connections", "16")),
                        Long.parseLong(o.getOrDefault("change-every-ms", "1000")));
    }

    private void run(int minutes, int rate, int connections, long changeEveryMillis) throws Exception {
        System.out.printf(
                "soak: %d min of decisions at %d/s over %d connections; a background change every %d ms"
                        + " (one onboarding in ten, the others revocations and grants); no faults%n",
                minutes, rate, connections, changeEveryMillis);
        for (int i = 0; i < 20; i++) {
            onboard();
        }
        if (subjects.isEmpty()) {
            throw new IllegalStateException("no customer could be onboarded: " + lastChangeError);
        }
        Thread background = new Thread(() -> changes(changeEveryMillis), "soak-changes");
        background.setDaemon(true);
        background.start();

        List<String> names = new ArrayList<>(pids.keySet());
        System.out.println(header(names));
        long[][] rss = new long[minutes][names.size()];
        long decisions = 0;
        long decisionErrors = 0;
        long worstBacklog = 0;
        try (LoadGenerator load = new LoadGenerator()) {
            for (int minute = 0; minute < minutes; minute++) {
                // a fresh token and the subjects onboarded so far, each minute: tokens expire within the run
                LoadGenerator.Result r = load.constantRate(decisions(), rate, connections, 60);
                decisions += r.requests();
                decisionErrors += r.errors();
                StringBuilder line = new StringBuilder(String.format(
                        "%3d  %7d %5d %7.2f %7.2f  %6d %4d %6d ",
                        minute + 1,
                        r.requests(),
                        r.errors(),
                        r.percentileMillis(99),
                        r.percentileMillis(99.9),
                        changes.get(),
                        changeErrors.get(),
                        subjects.size()));
                String changeError = lastChangeError;
                lastChangeError = "";
                for (int s = 0; s < names.size(); s++) {
                    rss[minute][s] = DecisionBenchmark.rssKb(pids.get(names.get(s))) / 1024;
                    line.append(String.format(" %6d", rss[minute][s]));
                }
                line.append("  ");
                for (String name : names) {
                    long backlog = outboxPending(name);
                    worstBacklog = Math.max(worstBacklog, backlog);
                    line.append(String.format(" %5s", backlog < 0 ? "-" : Long.toString(backlog)));
                }
                System.out.println(line + (changeError.isEmpty() ? "" : "  last change error: " + changeError));
            }
        } finally {
            background.interrupt();
        }
        System.out.println();
        System.out.println(summary(names, rss));
        System.out.printf(
                "errors: %d of %d decisions, %d of %d background changes; outbox backlog at most %d rows%n",
                decisionErrors, decisions, changeErrors.get(), changes.get(), worstBacklog);
        System.out.println(
                decisionErrors == 0 && changeErrors.get() == 0 ? "goal of 0 errors: met" : "goal of 0 errors: NOT met");
    }

    private static String header(List<String> names) {
        StringBuilder h = new StringBuilder("min  decided   err  p99 ms p99.9ms  changes err  subj ");
        for (String name : names) {
            h.append(String.format(" %6s", shortName(name)));
        }
        h.append("  ");
        for (String name : names) {
            h.append(String.format(" %5s", shortName(name)));
        }
        return h.append("\n")
                .append(" ".repeat(57))
                .append("RSS MB per service")
                .append(" ".repeat(7 * names.size() - 16))
                .append("outbox rows pending")
                .toString();
    }

    private static String shortName(String service) {
        String s = service.replace("-service", "");
        return s.length() > 6 ? s.substring(0, 6) : s;
    }

    /** How each RSS moved over the second half of the run: the figure that says whether memory is flat. */
    private static String summary(List<String> names, long[][] rss) {
        int minutes = rss.length;
        int half = minutes / 2;
        StringBuilder out =
                new StringBuilder("RSS per service: first minute, middle, last, peak; change over the second half\n");
        for (int s = 0; s < names.size(); s++) {
            long peak = 0;
            for (long[] minute : rss) {
                peak = Math.max(peak, minute[s]);
            }
            long middle = rss[Math.min(half, minutes - 1)][s];
            long last = rss[minutes - 1][s];
            out.append(String.format(
                    "  %-20s %6d %6d %6d %6d MB  second half %+d MB (%+.1f%%)%n",
                    names.get(s),
                    rss[0][s],
                    middle,
                    last,
                    peak,
                    last - middle,
                    middle == 0 ? 0 : 100.0 * (last - middle) / middle));
        }
        return out.toString();
    }

    private Target decisions() throws Exception {
        List<Buffer> bodies = new ArrayList<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<String> known = List.copyOf(subjects);
        for (int i = 0; i < 2_000; i++) {
            String subject = known.get(random.nextInt(known.size()));
            String jurisdiction = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
            // most ask for what a public tier has; some for what only a grant opens, so both answers occur
            String capability = random.nextInt(10) == 0 ? "mythos-5:cyber" : "mythos-5:chat";
            bodies.add(Buffer.buffer(Http.JSON.writeValueAsBytes(Map.of(
                    "subject", subject, "capability", capability, "context", Map.of("jurisdiction", jurisdiction)))));
        }
        return new Target(
                "POST /v1/decisions",
                HttpMethod.POST,
                services.get("entitlement-service").resolve("/v1/decisions"),
                Map.of(
                        "Authorization",
                        "Bearer " + DecisionBenchmark.gatewayToken(keycloak),
                        "Content-Type",
                        "application/json"),
                bodies,
                200);
    }

    /**
     * One background change after another, in a cycle of ten: an onboarding, then revocations and grants. One
     * onboarding in ten keeps the run's one address under identity-service's submissions per address (500 an hour on
     * the dev platform), which would otherwise refuse it with 429, as it should.
     */
    private void changes(long everyMillis) {
        long n = 0;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(everyMillis); // pacing of the background load, not a wait for a condition
            } catch (InterruptedException e) {
                return;
            }
            long step = n++ % 10;
            if (step == 0) {
                onboard();
            } else if (step % 2 == 1) {
                revoke();
            } else {
                grant();
            }
        }
    }

    private void onboard() {
        String username = "soak-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        String country = COUNTRIES.get(ThreadLocalRandom.current().nextInt(COUNTRIES.size()));
        change("onboarding", () -> {
            String admin = Http.adminToken(keycloak, keycloakAdmin, keycloakAdminPassword);
            Http.Reply created = Http.send(
                            "POST",
                            keycloak + "/admin/realms/tiergate/users",
                            admin,
                            Map.of(
                                    "username",
                                    username,
                                    "enabled",
                                    true,
                                    "emailVerified",
                                    true,
                                    "firstName",
                                    "Soak",
                                    "lastName",
                                    "Example",
                                    "email",
                                    username + "@example.invalid",
                                    "credentials",
                                    List.of(Map.of("type", "password", "value", username, "temporary", false))))
                    .expect(201);
            String location = created.raw().headers().firstValue("Location").orElseThrow();
            String subject = location.substring(location.lastIndexOf('/') + 1);
            String customer = Http.userToken(keycloak, username);
            Http.Reply verified = Http.send(
                            "POST",
                            services.get("identity-service") + "/v1/verifications",
                            customer,
                            Map.of(
                                    "givenName", "Soak",
                                    "familyName", "Example",
                                    "dateOfBirth", "1988-02-29",
                                    "nationalities", List.of(country),
                                    "residenceCountry", country))
                    .expect(201);
            if (!"VERIFIED".equals(verified.json().path("status").asText())) {
                throw new IllegalStateException(
                        "verification " + verified.json().path("status").asText());
            }
            subjects.add(subject);
        });
    }

    /** An officer grants PUBLIC again to a subject whose grant was revoked (a verified customer holds one). */
    private void grant() {
        var next = revoked.stream().findAny();
        if (next.isEmpty()) {
            return;
        }
        revoked.remove(next.get());
        change(
                "grant",
                () -> Http.send(
                                "POST",
                                services.get("tier-service") + "/v1/grants",
                                Http.userToken(keycloak, "olivia"),
                                Map.of("subject", next.get(), "tier", "PUBLIC", "justification", "soak: access review"))
                        .expect(200, 201));
    }

    /** An officer revokes a customer's active grant, found as an officer would, by the subject. */
    private void revoke() {
        String subject = subjects.get(ThreadLocalRandom.current().nextInt(subjects.size()));
        if (revoked.contains(subject)) {
            return;
        }
        change("revocation", () -> {
            String officer = Http.userToken(keycloak, "oscar");
            for (var grant : Http.send(
                            "GET", services.get("tier-service") + "/v1/grants?subject=" + subject, officer, null)
                    .expect(200)
                    .json()) {
                if ("ACTIVE".equals(grant.path("status").asText())) {
                    Http.send(
                                    "POST",
                                    services.get("tier-service") + "/v1/grants/"
                                            + grant.path("id").asText() + "/revocation",
                                    officer,
                                    Map.of("reason", "soak: access review"))
                            .expect(200);
                    revoked.add(subject);
                    return;
                }
            }
        });
    }

    private void change(String what, Runnable change) {
        changes.incrementAndGet();
        try {
            change.run();
        } catch (RuntimeException e) {
            changeErrors.incrementAndGet();
            String message = what + ": " + e.getMessage();
            lastChangeError = message.length() > 160 ? message.substring(0, 160) + "..." : message;
        }
    }

    /** The service's {@code tiergate_outbox_pending} gauge, or -1 where it has none or does not answer. */
    private long outboxPending(String service) {
        URI base = services.get(service);
        if (base == null) {
            return -1;
        }
        try {
            Http.Reply metrics = Http.get(base.resolve("/q/metrics").toString());
            long pending = -1;
            for (String line : metrics.body().split("\n")) {
                if (line.startsWith("tiergate_outbox_pending")) {
                    double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    pending = Math.max(pending, 0) + (long) value;
                }
            }
            return pending;
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
