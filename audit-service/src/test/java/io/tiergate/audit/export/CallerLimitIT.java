package io.tiergate.audit.export;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.tiergate.commons.testing.KeycloakTokens;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Expensive reads are limited per caller (OWASP API4): the third export in a minute by one auditor is 429 problem+json
 * RATE_LIMITED with Retry-After, while another caller is not held back and an anonymous call is still a 401. The test
 * profile turns the limits off for the other suites; this one turns them on, with two exports a minute.
 */
@QuarkusTest
@TestProfile(CallerLimitIT.TwoExportsAMinute.class)
class CallerLimitIT {

    public static class TwoExportsAMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tiergate.limits.enabled", "true", "tiergate.limits.per-minute.exports", "2");
        }
    }

    @Test
    void theThirdExportInAMinuteIsRefusedWithRetryAfterAndOnlyForThatCaller() {
        String auditor = KeycloakTokens.user(KeycloakTokens.AUDREY);
        // An empty log answers 404 NO_CHECKPOINT: a call counts whatever the answer.
        for (int i = 0; i < 2; i++) {
            export(auditor).then().statusCode(anyOf(equalTo(200), equalTo(404)));
        }
        Response refused = export(auditor);
        refused.then()
                .statusCode(429)
                .contentType(containsString("application/problem+json"))
                .body("code", equalTo("RATE_LIMITED"))
                .body("status", equalTo(429));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);

        export(KeycloakTokens.user(KeycloakTokens.PAULA)).then().statusCode(anyOf(equalTo(200), equalTo(404)));
        given().when().get("/v1/exports").then().statusCode(401);
        // the other limits are unaffected by this caller's exports
        given().auth().oauth2(auditor).when().get("/v1/log-key").then().statusCode(200);
    }

    private static Response export(String token) {
        return given().auth().oauth2(token).when().get("/v1/exports?from=0&to=0");
    }
}
