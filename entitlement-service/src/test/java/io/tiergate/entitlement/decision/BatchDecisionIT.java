package io.tiergate.entitlement.decision;

import static io.restassured.RestAssured.given;
import static io.tiergate.entitlement.decision.DecisionResourceIT.FABLE_CHAT;
import static io.tiergate.entitlement.decision.DecisionResourceIT.MYTHOS_CHAT;
import static io.tiergate.entitlement.decision.DecisionResourceIT.MYTHOS_CYBER;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tiergate.commons.testing.KeycloakTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BatchDecisionIT {

    static io.restassured.response.ValidatableResponse batch(Object body) {
        return given().auth()
                .oauth2(KeycloakTokens.gateway())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v1/decisions:batch")
                .then();
    }

    static Map<String, Object> item(String subject, String capability, String jurisdiction) {
        return Map.of("subject", subject, "capability", capability, "context", Map.of("jurisdiction", jurisdiction));
    }

    @Test
    void aBatchAnswersEachRequestInOrder() {
        DecisionResourceIT.Customer researcher = DecisionResourceIT.customer("US", "RESEARCH");
        DecisionResourceIT.decide(researcher.subject(), FABLE_CHAT, "US", researcher.token()); // caught up
        batch(Map.of(
                        "requests",
                        List.of(
                                item(researcher.subject(), MYTHOS_CHAT, "US"),
                                item(researcher.subject(), MYTHOS_CYBER, "US"),
                                item(UUID.randomUUID().toString(), FABLE_CHAT, "US"))))
                .statusCode(200)
                .body("decisions.decision", equalTo(List.of("ALLOW", "DENY", "DENY")))
                .body("decisions[1].reasons.code", hasItem(Reason.TIER_NOT_ENTITLED))
                .body("decisions[2].reasons.code", hasItem(Reason.UNKNOWN_SUBJECT));
    }

    @Test
    void oversizedOrInvalidBatchesAreProblemsNotServerErrors() {
        List<Map<String, Object>> huge = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            huge.add(Map.of("subject", "s" + i, "capability", FABLE_CHAT));
        }
        batch(Map.of("requests", huge))
                .statusCode(413)
                .contentType(containsString("application/problem+json"))
                .body("code", equalTo("BATCH_TOO_LARGE"));
        batch(Map.of("requests", List.of())).statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        batch(Map.of("requests", List.of(Map.of("subject", "s", "capability", "x".repeat(100_000)))))
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        batch(Map.of("requests", List.of(item("s", FABLE_CHAT, "US")), "extra", true))
                .statusCode(400);
        given().auth()
                .oauth2(KeycloakTokens.user(KeycloakTokens.ALICE))
                .contentType(ContentType.JSON)
                .body(Map.of("requests", List.of(item("s", FABLE_CHAT, "US"))))
                .when()
                .post("/v1/decisions:batch")
                .then()
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .body(Map.of("requests", List.of(item("s", FABLE_CHAT, "US"))))
                .when()
                .post("/v1/decisions:batch")
                .then()
                .statusCode(401);
    }
}
