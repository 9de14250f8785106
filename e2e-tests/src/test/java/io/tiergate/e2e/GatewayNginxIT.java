package io.tiergate.e2e;

import static io.restassured.RestAssured.given;
import static io.tiergate.e2e.PlatformProcesses.ENTITLEMENT;
import static io.tiergate.e2e.PlatformProcesses.PORTS;
import static io.tiergate.e2e.Steps.publicGrantOf;
import static io.tiergate.e2e.Steps.verify;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tiergate.commons.testing.KeycloakTokens;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * nginx as the model gateway (deploy/nginx/gateway.conf.template) in front of a model stub, asking the packaged
 * entitlement-service with auth_request before each request: ALLOW reaches the model with the decision headers, DENY
 * is a 403 with the reasons, no subject a 401, never a 5xx. A second nginx in front of a scripted ext-authz answer
 * proves what the config sends to Tiergate and that it forwards obligations and rate-limit headers.
 */
class GatewayNginxIT {

    static final String VERIFIED_KEY = "gw-key-verified-" + UUID.randomUUID();
    static final String UNKNOWN_KEY = "gw-key-unknown-" + UUID.randomUUID();
    static final String STUB_BODY = "hello from the model stub";

    static NginxGateway gateway;
    static String verified;

    @BeforeAll
    static void startGateway() {
        NginxGateway.binary(); // fails, not skips, without nginx
        PlatformProcesses.ensureStarted();
        Steps.Customer customer = Steps.newCustomer("gw");
        verified = customer.subject();
        verify(customer.username(), List.of("DE"), "DE");
        publicGrantOf(verified);
        gateway = NginxGateway.start(
                "tiergate",
                List.of("127.0.0.1:" + PORTS.get(ENTITLEMENT)),
                KeycloakTokens.gateway(),
                Map.of(VERIFIED_KEY, verified, UNKNOWN_KEY, UUID.randomUUID().toString()));
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void anAllowReachesTheModelWithTheDecisionHeaders() {
        // The projection learns of the verification and the grant from Kafka; every answer meanwhile is a 403.
        Response allowed = await("ALLOW through nginx")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> through(VERIFIED_KEY, "/fable-5/chat/completions"), r -> r.statusCode() != 403);
        allowed.then()
                .statusCode(200)
                .header("x-tiergate-decision", "ALLOW")
                .header("x-tiergate-decision-id", notNullValue())
                .header("x-tiergate-policy-version", notNullValue())
                .header("x-tiergate-reasons", containsString("ENTITLED"))
                .body("content", equalTo(STUB_BODY));
    }

    @Test
    void aDenyIsA403WithTheReasons() {
        // PUBLIC does not include mythos-5:chat
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> through(VERIFIED_KEY, "/mythos-5/chat/completions")
                        .then()
                        .statusCode(403)
                        .header("x-tiergate-reasons", containsString("TIER_NOT_ENTITLED")));
        denied(through(VERIFIED_KEY, "/mythos-5/chat/completions"), "TIER_NOT_ENTITLED");
        // a subject Tiergate has never seen verified
        denied(through(UNKNOWN_KEY, "/fable-5/chat/completions"), "UNKNOWN_SUBJECT");
        // no capability in the path: refused before any decision, the code in the reasons header
        through(VERIFIED_KEY, "/status")
                .then()
                .statusCode(403)
                .header("x-tiergate-reasons", "CAPABILITY_REQUIRED")
                .header("x-tiergate-decision", nullValue());
    }

    @Test
    void noSubjectIsA401NeverA500() {
        for (Response response : List.of(
                given().contentType(ContentType.JSON)
                        .body("{}")
                        .when()
                        .post(gateway.url() + "/fable-5/chat/completions"),
                through("not-a-known-key", "/fable-5/chat/completions"),
                // a client naming a subject itself is not believed
                given().header("x-tiergate-subject", verified)
                        .when()
                        .get(gateway.url() + "/fable-5/chat/completions"))) {
            response.then()
                    .statusCode(401)
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .header("x-tiergate-reasons", "SUBJECT_REQUIRED")
                    .contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(401));
        }
    }

    @Test
    void theConfigSendsOnlyWhatTheGatewayKnowsAndForwardsObligationsAndRateLimits() throws IOException {
        Map<String, String> seen = new ConcurrentHashMap<>();
        HttpServer extAuthz = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        extAuthz.createContext("/", exchange -> {
            seen.put("path", exchange.getRequestURI().toString());
            seen.put("method", exchange.getRequestMethod());
            exchange.getRequestHeaders().forEach((name, values) -> seen.put(name.toLowerCase(), values.get(0)));
            exchange.getResponseHeaders().add("x-tiergate-decision", "ALLOW");
            exchange.getResponseHeaders().add("x-tiergate-reasons", "ENTITLED");
            exchange.getResponseHeaders()
                    .add("x-tiergate-obligations", "no-reasoning-trace,retain-transcript-days=365");
            exchange.getResponseHeaders().add("x-ratelimit-limit", "100");
            exchange.getResponseHeaders().add("x-ratelimit-remaining", "99");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        extAuthz.start();
        String subject = UUID.randomUUID().toString();
        try (NginxGateway scripted = NginxGateway.start(
                "scripted",
                List.of("127.0.0.1:" + extAuthz.getAddress().getPort()),
                "the-gateway-token",
                Map.of("scripted-key", subject))) {
            given().auth()
                    .oauth2("scripted-key")
                    .header("x-tiergate-jurisdiction", "US")
                    .header("x-tiergate-consistency-token", "identity-service:" + subject + ":3")
                    .contentType(ContentType.JSON)
                    .body("{\"messages\":[]}")
                    .when()
                    .post(scripted.url() + "/mythos-5/cyber/scan")
                    .then()
                    .statusCode(200)
                    .header("x-tiergate-obligations", "no-reasoning-trace,retain-transcript-days=365")
                    .header("x-ratelimit-limit", "100")
                    .header("x-ratelimit-remaining", "99")
                    // the model is told the obligations too
                    .body("obligations", equalTo("no-reasoning-trace,retain-transcript-days=365"));
        } finally {
            extAuthz.stop(0);
        }
        assertEquals("/v1/ext-authz/", seen.get("path"));
        assertEquals("GET", seen.get("method"));
        assertEquals("Bearer the-gateway-token", seen.get("authorization"));
        assertEquals(subject, seen.get("x-tiergate-subject"));
        assertEquals("mythos-5:cyber", seen.get("x-tiergate-capability"));
        assertEquals("127.0.0.1", seen.get("x-tiergate-client-ip"));
        assertEquals("identity-service:" + subject + ":3", seen.get("x-tiergate-consistency-token"));
        assertNull(seen.get("x-tiergate-jurisdiction"), "a client does not declare its own jurisdiction");
        assertNull(seen.get("content-length"), "the body stays with the model");
    }

    private static Response through(String apiKey, String path) {
        Response response = given().auth()
                .oauth2(apiKey)
                .contentType(ContentType.JSON)
                .body("{\"messages\":[]}")
                .when()
                .post(gateway.url() + path);
        response.then().statusCode(lessThan(500));
        return response;
    }

    private static void denied(Response response, String reason) {
        response.then()
                .statusCode(403)
                .header("x-tiergate-decision", "DENY")
                .header("x-tiergate-decision-id", notNullValue())
                .header("x-tiergate-reasons", containsString(reason))
                .contentType(startsWith("application/problem+json"))
                .body("decision", equalTo("DENY"));
    }
}
