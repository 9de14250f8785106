package io.tiergate.entitlement.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tiergate.commons.testing.KeycloakTokens;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verified-token cache never admits what OIDC refuses, and keeps each token's roles. */
@QuarkusTest
class VerifiedTokenCacheIT {

    @Inject
    VerifiedTokenCache cache;

    static int decide(String token) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("subject", "s", "capability", "fable-5:chat"))
                .when()
                .post("/v1/decisions")
                .then()
                .extract()
                .statusCode();
    }

    @Test
    void aRememberedTokenStillCannotBeTamperedWith() {
        String token = KeycloakTokens.gateway();
        assertTrue(decide(token) == 200 && decide(token) == 200, "accepted, then accepted from the cache");
        assertTrue(cache.remembers(token));

        String[] parts = token.split("\\.");
        String signature = parts[2];
        String otherSignature = (signature.charAt(0) == 'A' ? 'B' : 'A') + signature.substring(1);
        String forgedSignature = parts[0] + "." + parts[1] + "." + otherSignature;
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]));
        String otherClaims = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(claims.replaceFirst("\\{", "{\"realm_access\":{\"roles\":[\"platform-admin\"]},")
                        .getBytes());
        String forgedClaims = parts[0] + "." + otherClaims + "." + signature;
        for (String forged : List.of(forgedSignature, forgedClaims, token + "x")) {
            assertTrue(decide(forged) == 401, "refused by OIDC, cache or not");
            assertFalse(cache.remembers(forged));
        }
    }

    @Test
    void withoutATokenOidcStillChallenges() {
        given().contentType(ContentType.JSON)
                .body(Map.of("subject", "s", "capability", "fable-5:chat"))
                .when()
                .post("/v1/decisions")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
        given().header("Authorization", "Basic " + Base64.getEncoder().encodeToString("a:b".getBytes()))
                .contentType(ContentType.JSON)
                .body(Map.of("subject", "s", "capability", "fable-5:chat"))
                .when()
                .post("/v1/decisions")
                .then()
                .statusCode(401);
    }

    @Test
    void aRememberedTokenKeepsItsRoles() {
        String customer = KeycloakTokens.fresh(KeycloakTokens.ALICE);
        for (int i = 0; i < 2; i++) {
            given().auth()
                    .oauth2(customer)
                    .contentType(ContentType.JSON)
                    .body(Map.of("requests", List.of()))
                    .when()
                    .post("/v1/decisions/batch")
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(customer)
                    .contentType(ContentType.JSON)
                    .body(Map.of("subject", KeycloakTokens.BOB_SUBJECT, "capability", "fable-5:chat"))
                    .when()
                    .post("/v1/decisions")
                    .then()
                    .statusCode(403);
        }
        assertTrue(cache.remembers(customer));
    }
}
