package io.tiergate.e2e;

import static io.restassured.RestAssured.given;
import static io.tiergate.e2e.PlatformProcesses.AUDIT;
import static io.tiergate.e2e.PlatformProcesses.ENTITLEMENT;
import static io.tiergate.e2e.PlatformProcesses.IDENTITY;
import static io.tiergate.e2e.PlatformProcesses.TIER;
import static io.tiergate.e2e.PlatformProcesses.url;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tiergate.commons.testing.KafkaEvents;
import io.tiergate.commons.testing.KeycloakTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One trace from a customer's onboarding submit to the audit log: the four packaged services run with tracing on,
 * exporting OTLP/HTTP to a receiver in this test, and the submit names a trace of the test's own (a client's
 * traceparent). identity-service's request span, its outbox rows, tier-service's handling of the verdict and the
 * grant it writes in turn, entitlement-service's projection of both, and audit-service's appends all report spans
 * of that one trace; the identity event on Kafka carries it in the envelope and the headers alike.
 */
class TraceEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static OtlpReceiver receiver;

    @BeforeAll
    static void startTracedPlatform() {
        receiver = new OtlpReceiver();
        PlatformProcesses.ensureStarted(Map.of(
                "TIERGATE_OTEL_DISABLED", "false",
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", receiver.endpoint(),
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
                // export within a fraction of a second rather than the batch processor's 5 s
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "PT0.2S"));
    }

    @AfterAll
    static void stopReceiver() {
        // the next suite's ensureStarted() restarts the services without tracing
        receiver.close();
    }

    @Test
    void oneTraceRunsFromTheOnboardingSubmitThroughEveryServiceToTheAuditAppend() throws Exception {
        Steps.Customer customer = Steps.newCustomer("trace");
        HexFormat hex = HexFormat.of();
        String traceId = hex.formatHex(randomBytes(16));
        String clientSpan = hex.formatHex(randomBytes(8));

        Response submitted = given().auth()
                .oauth2(KeycloakTokens.user(customer.username()))
                .header("traceparent", "00-" + traceId + "-" + clientSpan + "-01")
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "givenName", customer.username(),
                        "familyName", "Example",
                        "dateOfBirth", "1988-02-29",
                        "nationalities", List.of("DE"),
                        "residenceCountry", "DE"))
                .when()
                .post(url(IDENTITY) + "/v1/verifications");
        submitted.then().statusCode(201);
        assertEquals("VERIFIED", submitted.path("status"), "a case with no concern is verified on submit");

        // identity-service's event, as it left the outbox: the trace in the envelope and in the Kafka headers
        ConsumerRecord<String, String> verified = KafkaEvents.await(
                        "tiergate.identity",
                        r -> customer.subject().equals(r.key())
                                && r.value().contains("\"tiergate.identity.verification.verified\""),
                        Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("no verified event for " + customer.subject()));
        JsonNode envelope = JSON.readTree(verified.value());
        String traceparent = envelope.path("traceparent").asText();
        assertTrue(traceparent.startsWith("00-" + traceId + "-"), "envelope: " + traceparent);
        assertEquals(traceparent, header(verified, "traceparent"), "the header names the same span");

        await("spans of trace " + traceId + " from every service")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    List<OtlpReceiver.ReceivedSpan> trace = receiver.spansOf(traceId);
                    String seen = describe(trace);
                    // the submit: identity-service's server span, child of the test's own client span
                    assertTrue(
                            trace.stream()
                                    .anyMatch(s -> s.service().equals(IDENTITY)
                                            && s.kind() == OtlpReceiver.KIND_SERVER
                                            && s.parentSpanId().equals(clientSpan)),
                            "identity-service's request span: " + seen);
                    // tier-service handled the verdict in the trace ...
                    assertTrue(has(trace, TIER, "process tiergate.identity.verification.verified"), seen);
                    // ... and the grant it wrote in the handler carried the trace on, through its own outbox
                    assertTrue(
                            trace.stream()
                                    .anyMatch(s -> s.service().equals(ENTITLEMENT)
                                            && s.name().startsWith("process tiergate.tier.")),
                            "entitlement-service projected a tier event of the trace: " + seen);
                    assertTrue(has(trace, ENTITLEMENT, "process tiergate.identity.verification.verified"), seen);
                    assertTrue(has(trace, AUDIT, "append tiergate.identity.verification.verified"), seen);
                    assertTrue(has(trace, AUDIT, "append tiergate.tier.granted"), seen);
                });

        // every consumer span hangs off a span of the trace that was reported, so the trace is one tree
        List<OtlpReceiver.ReceivedSpan> trace = receiver.spansOf(traceId);
        java.util.Set<String> ids =
                trace.stream().map(OtlpReceiver.ReceivedSpan::spanId).collect(Collectors.toSet());
        ids.add(clientSpan);
        for (OtlpReceiver.ReceivedSpan span : trace) {
            if (span.kind() == OtlpReceiver.KIND_CONSUMER && span.name().startsWith("process ")) {
                assertTrue(ids.contains(span.parentSpanId()), "parent of " + span + " in " + describe(trace));
            }
        }
        System.out.printf(
                "%nTRACE %s: %d spans from %s%n%n",
                traceId,
                trace.size(),
                trace.stream()
                        .collect(Collectors.groupingBy(
                                OtlpReceiver.ReceivedSpan::service, java.util.TreeMap::new, Collectors.counting())));
    }

    private static boolean has(List<OtlpReceiver.ReceivedSpan> trace, String service, String name) {
        return trace.stream()
                .anyMatch(s -> s.service().equals(service) && s.name().equals(name));
    }

    private static String describe(List<OtlpReceiver.ReceivedSpan> trace) {
        return trace.stream()
                .map(s -> s.service() + ":" + s.name())
                .sorted()
                .toList()
                .toString();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // never all zero, which W3C Trace Context forbids
        return bytes;
    }
}
