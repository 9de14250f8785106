package io.tiergate.entitlement.directive;

import static io.restassured.RestAssured.given;
import static io.tiergate.commons.testing.KeycloakTokens.OLIVIA;
import static io.tiergate.commons.testing.KeycloakTokens.OSCAR;
import static io.tiergate.commons.testing.KeycloakTokens.PAULA;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tiergate.commons.testing.KafkaEvents;
import io.tiergate.commons.testing.KeycloakTokens;
import io.tiergate.entitlement.decision.DecisionResourceIT;
import io.tiergate.entitlement.events.Topics;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Emergency directives: four eyes, break-glass, and an ALLOW flipped to DENY once the directive is confirmed. */
@QuarkusTest
class DirectiveResourceIT {

    @Inject
    Topics topics;

    // how soon (the 1 s goal) is the benchmark's propagation phase's figure, not a timed test's
    private static final Duration IN_FORCE = Duration.ofSeconds(30);

    static ValidatableResponse post(String user, String path, Object body) {
        return given().auth()
                .oauth2(KeycloakTokens.user(user))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(path)
                .then();
    }

    static String verdict(String subject, String capability, String jurisdiction) {
        return DecisionResourceIT.decide(subject, capability, jurisdiction, null)
                .extract()
                .path("reasons[0].code");
    }

    @Test
    void aConfirmedDirectiveFlipsAllowToDeny() {
        // a model of its own, so that this directive touches no other test's capability
        DecisionResourceIT.Customer researcher = DecisionResourceIT.customer("DE", "RESEARCH");
        DecisionResourceIT.decide(researcher.subject(), "mythos-5:chat", "DE", researcher.token());
        String capability = "mythos-5:chat";
        String id = post(
                        OLIVIA,
                        "/v1/directives",
                        Map.of(
                                "capability",
                                "mythos-5:*",
                                "allowedNationalities",
                                List.of("US"),
                                "reason",
                                "Order 2026-17: US nationals only"))
                .statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("inForce", equalTo(false))
                .extract()
                .path("id");
        // pending: not in force
        assertTrue("ENTITLED".equals(verdict(researcher.subject(), capability, "DE")));
        post(OLIVIA, "/v1/directives/" + id + "/confirmation", Map.of())
                .statusCode(403)
                .body("code", equalTo("CONFIRMER_IS_ISSUER"));
        try {
            long confirmed = System.nanoTime();
            post(OSCAR, "/v1/directives/" + id + "/confirmation", Map.of())
                    .statusCode(200)
                    .body("status", equalTo("ACTIVE"))
                    .body("inForce", equalTo(true));
            await().atMost(IN_FORCE)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> "DIRECTIVE_DENIED".equals(verdict(researcher.subject(), capability, "DE")));
            System.out.printf("DIRECTIVE-TO-DENY: %.1f ms from confirmation%n", (System.nanoTime() - confirmed) / 1e6);
            DecisionResourceIT.decide(researcher.subject(), capability, "DE", null)
                    .body("decision", equalTo("DENY"))
                    .body("reasons.message", hasItem(org.hamcrest.Matchers.containsString(id)));
            assertTrue(
                    KafkaEvents.await(
                                    topics.entitlement(),
                                    r -> r.value().contains(id) && r.value().contains(DirectiveService.CONFIRMED),
                                    Duration.ofSeconds(20))
                            .isPresent(),
                    "audited");
        } finally {
            revoke(id);
        }
    }

    @Test
    void aBreakGlassDirectiveIsInForceAtOnceAndOnlyAdminsMayIssueOne() {
        DecisionResourceIT.Customer customer = DecisionResourceIT.customer("US", "PUBLIC");
        DecisionResourceIT.decide(customer.subject(), "fable-5:chat", "CN", customer.token());
        post(
                        OLIVIA,
                        "/v1/directives",
                        Map.of(
                                "capability",
                                "fable-5:chat",
                                "deniedJurisdictions",
                                List.of("CN"),
                                "reason",
                                "x",
                                "breakGlass",
                                true))
                .statusCode(403)
                .body("code", equalTo("BREAK_GLASS_FORBIDDEN"));
        String id = post(
                        PAULA,
                        "/v1/directives",
                        Map.of(
                                "capability",
                                "fable-5:chat",
                                "deniedJurisdictions",
                                List.of("CN"),
                                "reason",
                                "Emergency: export control",
                                "breakGlass",
                                true))
                .statusCode(201)
                .body("status", equalTo("ACTIVE"))
                .body("breakGlass", equalTo(true))
                .extract()
                .path("id");
        try {
            await().atMost(IN_FORCE)
                    .until(() -> "DIRECTIVE_DENIED".equals(verdict(customer.subject(), "fable-5:chat", "CN")));
            assertTrue(
                    "ENTITLED".equals(verdict(customer.subject(), "fable-5:chat", "US")),
                    "other jurisdictions unaffected");
            given().auth()
                    .oauth2(KeycloakTokens.user(KeycloakTokens.AUDREY))
                    .when()
                    .get("/v1/directives")
                    .then()
                    .statusCode(200)
                    .body("find { it.id == '" + id + "' }.breakGlass", equalTo(true));
        } finally {
            revoke(id);
        }
    }

    @Test
    void badDirectivesAndOtherCallersAreRefused() {
        post(OLIVIA, "/v1/directives", Map.of("capability", "mythos-5:*", "reason", "nothing"))
                .statusCode(400)
                .body("code", equalTo("DIRECTIVE_WITHOUT_RESTRICTION"));
        post(OLIVIA, "/v1/directives", Map.of("capability", "Mythos 5!", "denyAll", true, "reason", "x"))
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        post(KeycloakTokens.ALICE, "/v1/directives", Map.of("capability", "*", "denyAll", true, "reason", "x"))
                .statusCode(403);
        given().auth()
                .oauth2(KeycloakTokens.user(KeycloakTokens.ALICE))
                .when()
                .get("/v1/directives")
                .then()
                .statusCode(403);
        given().when().get("/v1/directives").then().statusCode(401);
        given().auth()
                .oauth2(KeycloakTokens.gateway())
                .contentType(ContentType.JSON)
                .body(Map.of())
                .when()
                .post("/v1/directives/" + java.util.UUID.randomUUID() + "/confirmation")
                .then()
                .statusCode(403);
    }

    /** Tests share one database: a directive this class made must not outlive its test. */
    static void revoke(String id) {
        post(OSCAR, "/v1/directives/" + id + "/revocation", Map.of())
                .statusCode(200)
                .body("status", equalTo("REVOKED"));
    }
}
