package io.tiergate.entitlement.extauthz;

import io.quarkus.test.junit.QuarkusTest;
import io.tiergate.commons.testing.KeycloakTokens;
import io.tiergate.entitlement.decision.DecisionResourceIT;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Envoy ext_authz HTTP-service answers: 200 to allow, 403 to deny, the decision in headers. */
@QuarkusTest
class ExtAuthzResourceIT {

    @Test
    void aGatewayCheckAllowsAnEntitledRequestAndDeniesTheRest() {
        DecisionResourceIT.Customer researcher = DecisionResourceIT.customer("US", "RESEARCH");
        given().auth().oauth2(KeycloakTokens.gateway())
                .header("x-tiergate-subject", researcher.subject())
                .header("x-tiergate-jurisdiction", "US")
                .header("x-tiergate-consistency-token", researcher.token())
                .body("{\"model\":\"mythos-5\",\"messages\":[]}")
                .when().post("/v1/ext-authz/mythos-5/chat/completions")
                .then().statusCode(200)
                .header("x-tiergate-decision", "ALLOW")
                .header("x-tiergate-decision-id", notNullValue())
                .header("x-tiergate-reasons", "ENTITLED");
        given().auth().oauth2(KeycloakTokens.gateway())
                .header("x-tiergate-subject", researcher.subject())
                .header("x-tiergate-jurisdiction", "US")
                .when().get("/v1/ext-authz/mythos-5/cyber/scan")
                .then().statusCode(403)
                .header("x-tiergate-decision", "DENY")
                .header("x-tiergate-reasons", containsString("TIER_NOT_ENTITLED"))
                .body("decision", equalTo("DENY"));
        given().auth().oauth2(KeycloakTokens.gateway())
                .header("x-tiergate-subject", UUID.randomUUID().toString())
                .header("x-tiergate-capability", "fable-5:chat")
                .when().delete("/v1/ext-authz/anything")
                .then().statusCode(403).header("x-tiergate-reasons", containsString("UNKNOWN_SUBJECT"));
    }

    @Test
    void aUsersOwnTokenDecidesForThatUserOnly() {
        given().auth().oauth2(KeycloakTokens.user(KeycloakTokens.BOB))
                .when().get("/v1/ext-authz/fable-5/chat")
                .then().statusCode(anyOf200or403()).header("x-tiergate-decision", notNullValue());
        given().auth().oauth2(KeycloakTokens.user(KeycloakTokens.BOB))
                .header("x-tiergate-subject", KeycloakTokens.ALICE_SUBJECT)
                .when().get("/v1/ext-authz/fable-5/chat")
                .then().statusCode(403).body("code", equalTo("OTHER_SUBJECT_FORBIDDEN"));
    }

    static org.hamcrest.Matcher<Integer> anyOf200or403() {
        return org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(403));
    }

    @Test
    void malformedChecksAreProblemsAndOthersAreRefused() {
        given().auth().oauth2(KeycloakTokens.gateway()).when().get("/v1/ext-authz/fable-5/chat")
                .then().statusCode(400).body("code", equalTo("SUBJECT_REQUIRED"));
        given().auth().oauth2(KeycloakTokens.gateway()).header("x-tiergate-subject", "s")
                .when().get("/v1/ext-authz/only-one-segment")
                .then().statusCode(400).body("code", equalTo("CAPABILITY_REQUIRED"));
        given().auth().oauth2(KeycloakTokens.gateway()).header("x-tiergate-subject", "s")
                .header("x-tiergate-capability", "x".repeat(100_000))
                .when().get("/v1/ext-authz/a/b")
                .then().statusCode(anyOf(400, 431));
        given().when().get("/v1/ext-authz/fable-5/chat").then().statusCode(401);
        given().auth().oauth2(KeycloakTokens.user(KeycloakTokens.AUDREY)).when().get("/v1/ext-authz/fable-5/chat")
                .then().statusCode(403);
    }

    static org.hamcrest.Matcher<Integer> anyOf(int a, int b) {
        return org.hamcrest.Matchers.anyOf(equalTo(a), equalTo(b));
    }
}
