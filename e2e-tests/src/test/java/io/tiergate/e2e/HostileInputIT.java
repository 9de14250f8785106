package io.tiergate.e2e;

import static io.tiergate.commons.testing.KeycloakTokens.AUDREY;
import static io.tiergate.commons.testing.KeycloakTokens.OLIVIA;
import static io.tiergate.commons.testing.KeycloakTokens.PAULA;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.tiergate.commons.testing.KeycloakTokens;
import io.tiergate.e2e.HostileProbes.Probe;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, section 3: every operation of every service's live OpenAPI document gets hostile requests
 * ({@link HostileProbes}) from a caller it declares, so that the probes reach the operation and not the role check.
 * Goal: no answer 5xx, no stack trace, every error RFC 9457 problem+json with a stable code, and no error that echoes
 * a large input back. Bodies over a service's size limit are part of it: one per service.
 * <p>
 * Probes never aim at anything that would act: ids are random, booleans false (never break-glass), the customer is
 * this suite's own, and {@code POST /v1/policies/rollback}, which takes no input, is left out as in the matrix.
 */
class HostileInputIT {

    static final Pattern TRACE = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(|\\w+Exception[:\\s]|\\.java:\\d+\\)");
    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]+");
    static final int ECHO_LIMIT = 64 * 1024;
    /** Over every service's body limit (10 MB; campaign-service takes 20 MB of request records). */
    static final int OVER_LIMIT = 21 * 1024 * 1024;

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    static Steps.Customer customer;

    record Outcome(ApiOperation operation, Probe probe, int status, String code, String failure) {}

    @BeforeAll
    static void platform() {
        PlatformProcesses.ensureCampaignStarted();
        customer = Steps.newCustomer("hostile");
    }

    @AfterAll
    static void stopCampaign() {
        PlatformProcesses.stopCampaign();
    }

    @Test
    void noHostileInputGets5xxOrATraceAndEveryErrorIsAProblemWithACode() throws Exception {
        Map<String, String> urls = PlatformProcesses.everyServiceUrl();
        List<ApiOperation> operations = new ArrayList<>();
        urls.forEach((service, base) -> operations.addAll(ApiOperation.of(service, base)));

        List<Future<Outcome>> futures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long started = System.nanoTime();
        try {
            List<String> overLimitSent = new ArrayList<>();
            for (ApiOperation operation : operations) {
                String key = operation.service() + " " + operation.name();
                if (AuthorizationMatrixIT.NOT_SENT_WHEN_ALLOWED.containsKey(key)) {
                    continue;
                }
                String token = tokenFor(operation);
                String base = urls.get(operation.service());
                HostileProbes hostile = new HostileProbes(operation, customer.subject());
                List<Probe> probes = new ArrayList<>(hostile.probes());
                if (operation.bodyType() != null && !overLimitSent.contains(operation.service())) {
                    overLimitSent.add(operation.service());
                    byte[] huge = new byte[OVER_LIMIT];
                    Arrays.fill(huge, (byte) ' ');
                    huge[0] = '{';
                    huge[huge.length - 1] = '}';
                    probes.add(new Probe(
                            "body over the size limit",
                            "body",
                            hostile.plainPathAndQuery(),
                            operation.bodyType(),
                            huge));
                    byte[] plausible = hostile.plainProbe().body();
                    probes.add(new Probe(
                            "a plausible body, chunked (no length), as control",
                            "body",
                            hostile.plainPathAndQuery(),
                            operation.bodyType(),
                            plausible,
                            true));
                    probes.add(new Probe(
                            "a plausible body, with its length, as control",
                            "body",
                            hostile.plainPathAndQuery(),
                            operation.bodyType(),
                            plausible));
                    probes.add(new Probe(
                            "body over the size limit, chunked (no length)",
                            "body",
                            hostile.plainPathAndQuery(),
                            operation.bodyType(),
                            huge,
                            true));
                }
                for (Probe probe : probes) {
                    futures.add(pool.submit(() -> send(operation, probe, base, token)));
                }
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get());
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            String report = report(operations, outcomes, took);
            System.out.println(report);
            Path out = AuthorizationMatrixIT.ROOT.resolve("e2e-tests/target/hostile-input.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);

            List<String> failures = outcomes.stream()
                    .filter(o -> o.failure() != null)
                    .map(HostileInputIT::describe)
                    .toList();
            // a body sent chunked is read as one sent with its length (the size limit buffers it)
            Map<String, List<Integer>> controls = outcomes.stream()
                    .filter(o -> o.probe().kind().endsWith("as control"))
                    .collect(Collectors.groupingBy(
                            o -> o.operation().service() + " " + o.operation().name(),
                            TreeMap::new,
                            Collectors.mapping(Outcome::status, Collectors.toList())));
            assertAll(
                    () -> assertEquals(urls.size(), controls.size(), "a control per service: " + controls),
                    () -> controls.forEach((operation, statuses) -> assertEquals(
                            1, statuses.stream().distinct().count(), operation + " chunked and sized: " + statuses)),
                    () -> assertEquals(
                            urls.keySet(),
                            outcomes.stream()
                                    .map(o -> o.operation().service())
                                    .collect(Collectors.toCollection(java.util.LinkedHashSet::new)),
                            "every service was probed"),
                    () -> assertTrue(outcomes.size() > 1000, "probes sent: " + outcomes.size()),
                    () -> assertTrue(
                            failures.isEmpty(),
                            failures.size() + " answers broke the rules:\n" + String.join("\n", failures)));
        } finally {
            pool.shutdownNow();
        }
    }

    /** A caller the operation declares: this suite's customer first, then the demo officer, auditor, admin, gateway. */
    static String tokenFor(ApiOperation operation) {
        if (operation.isPublic()) {
            return null;
        }
        if (operation.roles().isEmpty() || operation.roles().contains("customer")) {
            return KeycloakTokens.user(customer.username());
        }
        if (operation.roles().contains("compliance-officer")) {
            return KeycloakTokens.user(OLIVIA);
        }
        if (operation.roles().contains("auditor")) {
            return KeycloakTokens.user(AUDREY);
        }
        if (operation.roles().contains("platform-admin")) {
            return KeycloakTokens.user(PAULA);
        }
        if (operation.roles().contains("gateway")) {
            return KeycloakTokens.gateway();
        }
        throw new IllegalStateException("no caller for the roles " + operation.roles() + " of " + operation.name());
    }

    static Outcome send(ApiOperation operation, Probe probe, String base, String token) {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(base + probe.pathAndQuery()));
        } catch (IllegalArgumentException notAUri) {
            return new Outcome(operation, probe, 0, null, "the probe is not a URI: " + notAUri.getMessage());
        }
        builder.timeout(Duration.ofSeconds(60)).header("Accept", "application/json, application/problem+json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (probe.body() != null) {
            builder.header("Content-Type", probe.contentType());
            body = probe.chunked()
                    ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(probe.body()))
                    : HttpRequest.BodyPublishers.ofByteArray(probe.body());
        }
        HttpResponse<byte[]> response;
        try {
            response = HTTP.send(
                    builder.method(operation.method(), body).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return new Outcome(operation, probe, 0, null, "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(operation, probe, 0, null, "interrupted");
        }
        int status = response.statusCode();
        String contentType = response.headers().firstValue("content-type").orElse("");
        String text =
                new String(response.body(), 0, Math.min(response.body().length, ECHO_LIMIT), StandardCharsets.UTF_8);
        String code = null;
        if (contentType.contains("json") && !text.isBlank()) {
            try {
                Object found = JsonPath.from(text).get("code");
                code = found instanceof String s ? s : null;
            } catch (RuntimeException notAnObject) {
                code = null;
            }
        }
        String failure = null;
        boolean notRouted = "NOT_FOUND".equals(code) || "METHOD_NOT_ALLOWED".equals(code);
        if (notRouted && operation.pathParameters().isEmpty()) {
            // without path parameters nothing a probe changes can miss the route: the operation must be there
            failure = status + " " + code + ": the document's operation is not served";
        } else if (status >= 500) {
            failure = "answered " + status;
        } else if (TRACE.matcher(text).find()) {
            failure = "a stack trace in the body";
        } else if (status >= 400
                && !"HEAD".equals(operation.method())
                && response.headers().firstValue("x-tiergate-decision").isEmpty()) {
            // a DENY of ext-authz is the operation's answer (a decision, in application/json), not an error
            if (!contentType.startsWith("application/problem+json")) {
                failure = status + " as '" + contentType + "', not problem+json";
            } else if (code == null || !CODE.matcher(code).matches()) {
                failure = status + " problem+json without a stable code";
            } else if (response.body().length > ECHO_LIMIT) {
                failure = status + " with a body of " + response.body().length + " bytes: the input echoed back";
            }
        }
        return new Outcome(operation, probe, status, code, failure);
    }

    static String describe(Outcome o) {
        return o.operation().service() + " " + o.operation().name() + " ["
                + o.probe().target() + ": " + o.probe().kind() + "] -> " + o.failure()
                + (o.code() != null ? " (" + o.code() + ")" : "");
    }

    /** Per service: operations, probes, answers by status, and the rule breakers. */
    static String report(List<ApiOperation> operations, List<Outcome> outcomes, Duration took) {
        StringBuilder md = new StringBuilder();
        md.append("## Hostile input: ")
                .append(outcomes.size())
                .append(" probes on ")
                .append(operations.size())
                .append(" operations in ")
                .append(took.toSeconds())
                .append(" s\n\n");
        md.append("| service | operations | probes | 2xx | 4xx | 5xx | no answer | rule broken |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<String, List<Outcome>> byService = outcomes.stream()
                .collect(Collectors.groupingBy(
                        o -> o.operation().service(), java.util.LinkedHashMap::new, Collectors.toList()));
        byService.forEach((service, list) -> md.append("| ")
                .append(service)
                .append(" | ")
                .append(operations.stream()
                        .filter(op -> op.service().equals(service))
                        .count())
                .append(" | ")
                .append(list.size())
                .append(" | ")
                .append(list.stream()
                        .filter(o -> o.status() >= 200 && o.status() < 300)
                        .count())
                .append(" | ")
                .append(list.stream()
                        .filter(o -> o.status() >= 400 && o.status() < 500)
                        .count())
                .append(" | ")
                .append(list.stream().filter(o -> o.status() >= 500).count())
                .append(" | ")
                .append(list.stream().filter(o -> o.status() == 0).count())
                .append(" | ")
                .append(list.stream().filter(o -> o.failure() != null).count())
                .append(" |\n"));
        Map<String, Long> codes = outcomes.stream()
                .filter(o -> o.status() >= 400)
                .collect(Collectors.groupingBy(o -> o.status() + " " + o.code(), TreeMap::new, Collectors.counting()));
        md.append("\nErrors by status and code: ")
                .append(codes.entrySet().stream()
                        .map(e -> e.getKey() + " ×" + e.getValue())
                        .collect(Collectors.joining(", ")))
                .append("\n");
        List<String> broken = outcomes.stream()
                .filter(o -> o.failure() != null)
                .map(HostileInputIT::describe)
                .distinct()
                .toList();
        if (!broken.isEmpty()) {
            md.append("\nRule breakers:\n");
            broken.forEach(b -> md.append("- ").append(b).append('\n'));
        }
        return md.toString();
    }
}
