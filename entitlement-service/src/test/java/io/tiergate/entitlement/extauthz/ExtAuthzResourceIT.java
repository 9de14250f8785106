package io.tiergate.entitlement.extauthz;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.tiergate.commons.testing.KeycloakTokens;
import io.tiergate.entitlement.decision.DecisionResourceIT;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Envoy ext_authz HTTP-service (and nginx auth_request) answers: 200 to allow; every other answer a 401 or a 403 a
 * gateway can forward, with the decision, or the refusal's problem code, in headers.
 */
@QuarkusTest
class ExtAuthzResourceIT {

    static final String CHECK = "/v1/ext-authz/fable-5/chat";
    static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void aGatewayCheckAllowsAnEntitledRequestAndDeniesTheRest() {
        DecisionResourceIT.Customer researcher = DecisionResourceIT.customer("US", "RESEARCH");
        given().auth()
                .oauth2(KeycloakTokens.gateway())
                .header("x-tiergate-subject", researcher.subject())
                .header("x-tiergate-jurisdiction", "US")
                .header("x-tiergate-consistency-token", researcher.token())
                .body("{\"model\":\"mythos-5\",\"messages\":[]}")
                .when()
                .post("/v1/ext-authz/mythos-5/chat/completions")
                .then()
                .statusCode(200)
                .header("x-tiergate-decision", "ALLOW")
                .header("x-tiergate-decision-id", notNullValue())
                .header("x-tiergate-reasons", "ENTITLED");
        given().auth()
                .oauth2(KeycloakTokens.gateway())
                .header("x-tiergate-subject", researcher.subject())
                .header("x-tiergate-jurisdiction", "US")
                .when()
                .get("/v1/ext-authz/mythos-5/cyber/scan")
                .then()
                .statusCode(403)
                .header("x-tiergate-decision", "DENY")
                .header("x-tiergate-reasons", containsString("TIER_NOT_ENTITLED"))
                .body("decision", equalTo("DENY"));
        given().auth()
                .oauth2(KeycloakTokens.gateway())
                .header("x-tiergate-subject", UUID.randomUUID().toString())
                .header("x-tiergate-capability", "fable-5:chat")
                .when()
                .delete("/v1/ext-authz/anything")
                .then()
                .statusCode(403)
                .header("x-tiergate-reasons", containsString("UNKNOWN_SUBJECT"));
    }

    @Test
    void aDenyIsA403WhateverTheClientAccepts() {
        // Envoy forwards the client's own Accept header: it must not turn a DENY into a 406.
        given().auth()
                .oauth2(KeycloakTokens.gateway())
                .accept("text/html")
                .header("x-tiergate-subject", UUID.randomUUID().toString())
                .when()
                .get(CHECK)
                .then()
                .statusCode(403)
                .header("x-tiergate-decision", "DENY")
                .header("x-tiergate-reasons", containsString("UNKNOWN_SUBJECT"));
    }

    @Test
    void aConsistencyTokenTheProjectionCannotReachIsADecisionToDeny() {
        String subject = UUID.randomUUID().toString();
        given().auth()
                .oauth2(KeycloakTokens.gateway())
                .header("x-tiergate-subject", subject)
                .header("x-tiergate-consistency-token", "identity-service:" + subject + ":999999")
                .when()
                .get(CHECK)
                .then()
                .statusCode(403)
                .header("x-tiergate-decision", "DENY")
                .header("x-tiergate-decision-id", notNullValue())
                .header("x-tiergate-reasons", "PROJECTION_BEHIND");
    }

    @Test
    void aUsersOwnTokenDecidesForThatUserOnly() {
        given().auth()
                .oauth2(KeycloakTokens.user(KeycloakTokens.BOB))
                .when()
                .get(CHECK)
                .then()
                .statusCode(anyOf(200, 403))
                .header("x-tiergate-decision", notNullValue());
        refused(
                given().auth()
                        .oauth2(KeycloakTokens.user(KeycloakTokens.BOB))
                        .header("x-tiergate-subject", KeycloakTokens.ALICE_SUBJECT)
                        .when()
                        .get(CHECK)
                        .then(),
                403,
                "OTHER_SUBJECT_FORBIDDEN");
    }

    @Test
    void aGatewayCheckWithoutASubjectIsA401TheGatewayCanForward() {
        refused(
                given().auth()
                        .oauth2(KeycloakTokens.gateway())
                        .when()
                        .get(CHECK)
                        .then(),
                401,
                "SUBJECT_REQUIRED");
        refused(
                given().auth()
                        .oauth2(KeycloakTokens.gateway())
                        .header("x-tiergate-subject", "  ")
                        .when()
                        .post(CHECK)
                        .then(),
                401,
                "SUBJECT_REQUIRED");
    }

    @Test
    void aCheckNoDecisionCanBeMadeFromIsA403NamingWhy() {
        refused(gateway().when().get("/v1/ext-authz/only-one-segment").then(), 403, "CAPABILITY_REQUIRED");
        refused(gateway().when().get("/v1/ext-authz/").then(), 403, "CAPABILITY_REQUIRED");
        refused(
                gateway()
                        .header("x-tiergate-client-ip", "not-an-ip")
                        .when()
                        .get(CHECK)
                        .then(),
                403,
                "INVALID_CLIENT_IP");
        refused(
                gateway()
                        .header("x-envoy-external-address", "example.org")
                        .when()
                        .get(CHECK)
                        .then(),
                403,
                "INVALID_CLIENT_IP");
        refused(
                gateway()
                        .header("x-tiergate-consistency-token", "no-colons")
                        .when()
                        .get(CHECK)
                        .then(),
                403,
                "INVALID_CONSISTENCY_TOKEN");
        refused(
                        gateway()
                                .header("x-tiergate-jurisdiction", "USA")
                                .when()
                                .get(CHECK)
                                .then(),
                        403,
                        "VALIDATION_FAILED")
                .body("errors[0].field", equalTo("x-tiergate-jurisdiction"));
        refused(
                        gateway()
                                .header("x-tiergate-capability", "x".repeat(300))
                                .when()
                                .get("/v1/ext-authz/a/b")
                                .then(),
                        403,
                        "VALIDATION_FAILED")
                .body("errors[0].field", equalTo("x-tiergate-capability"));
        refused(
                        given().auth()
                                .oauth2(KeycloakTokens.gateway())
                                .header("x-tiergate-subject", "s".repeat(101))
                                .when()
                                .get(CHECK)
                                .then(),
                        403,
                        "VALIDATION_FAILED")
                .body("errors[0].field", equalTo("x-tiergate-subject"));
        // Refused by the platform's filter before the resource runs; still a 403 here, not its usual 400.
        refused(
                gateway()
                        .urlEncodingEnabled(false)
                        .when()
                        .get("/v1/ext-authz/fable-5/chat%01")
                        .then(),
                403,
                "INVALID_PARAMETER");
        refused(
                gateway()
                        .urlEncodingEnabled(false)
                        .when()
                        .get(CHECK + "?q=a%00b")
                        .then(),
                403,
                "INVALID_PARAMETER");
    }

    @Test
    void callersWithoutAValidTokenOrTheRoleAreRefusedWith401Or403() {
        refused(given().when().get(CHECK).then(), 401, "UNAUTHENTICATED");
        given().auth()
                .oauth2("not.a.token")
                .when()
                .get(CHECK)
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
        refused(
                given().auth()
                        .oauth2(KeycloakTokens.user(KeycloakTokens.AUDREY))
                        .when()
                        .get(CHECK)
                        .then(),
                403,
                "FORBIDDEN");
        // The HTTP server's own header limit answers before any endpoint (a gateway's own limits are lower).
        given().auth()
                .oauth2(KeycloakTokens.gateway())
                .header("x-tiergate-subject", "s")
                .header("x-tiergate-capability", "x".repeat(100_000))
                .when()
                .get("/v1/ext-authz/a/b")
                .then()
                .statusCode(anyOf(400, 431));
    }

    private static io.restassured.specification.RequestSpecification gateway() {
        return given().auth()
                .oauth2(KeycloakTokens.gateway())
                .header("x-tiergate-subject", UUID.randomUUID().toString());
    }

    /** A refusal a gateway can forward: the status, problem+json with its code, and the code in a header. */
    private static ValidatableResponse refused(ValidatableResponse response, int status, String code) {
        response.statusCode(status)
                .contentType(startsWith(PROBLEM_JSON))
                .body("status", equalTo(status))
                .body("code", equalTo(code))
                .header("x-tiergate-reasons", code)
                .header("x-tiergate-decision", nullValue());
        if (status == 401) {
            response.header("WWW-Authenticate", startsWith("Bearer"));
        }
        return response;
    }

    static org.hamcrest.Matcher<Integer> anyOf(int a, int b) {
        return org.hamcrest.Matchers.anyOf(equalTo(a), equalTo(b));
    }
}
