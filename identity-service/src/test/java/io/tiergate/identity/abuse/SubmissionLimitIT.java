package io.tiergate.identity.abuse;

import static io.restassured.RestAssured.given;
import static io.tiergate.commons.testing.KeycloakTokens.CAROL;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tiergate.commons.testing.KeycloakTokens;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The submission limit through the real stack: two organizations per account per hour, the third refused. */
@QuarkusTest
@TestProfile(SubmissionLimitIT.TwoSubmissionsPerAccount.class)
class SubmissionLimitIT {

    static final int PER_ACCOUNT = 2;
    static final int WINDOW_SECONDS = 3600;
    static final String LEGAL_NAME = "Ratelimit Testing Ltd";

    /** Own limits, and its own application instance, so its counters start empty. */
    public static class TwoSubmissionsPerAccount implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "tiergate.abuse.per-account",
                    String.valueOf(PER_ACCOUNT),
                    "tiergate.abuse.window",
                    "PT" + WINDOW_SECONDS + "S");
        }
    }

    @Inject
    EntityManager entityManager;

    static String registrationNumber() {
        return "RL " + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    }

    static Map<String, Object> organization(String registrationNumber) {
        return Map.of(
                "legalName",
                LEGAL_NAME,
                "registrationNumber",
                registrationNumber,
                "countryOfIncorporation",
                "US",
                "kind",
                "COMPANY",
                "beneficialOwners",
                List.of(),
                "representatives",
                List.of());
    }

    static ValidatableResponse register(String registrationNumber) {
        return given().auth()
                .oauth2(KeycloakTokens.user(CAROL))
                .contentType(ContentType.JSON)
                .body(organization(registrationNumber))
                .when()
                .post("/v1/organizations")
                .then();
    }

    long organizationRows(String registrationNumber) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery("SELECT count(*) FROM organization WHERE registration_number = ?1")
                                .setParameter(1, registrationNumber)
                                .getSingleResult())
                        .longValue());
    }

    @Test
    void theThirdSubmissionOfAnAccountInTheWindowIsRefusedAndNothingIsWritten() {
        String id = null;
        for (int i = 0; i < PER_ACCOUNT; i++) {
            id = register(registrationNumber()).statusCode(201).extract().path("id");
        }

        String refused = registrationNumber();
        register(refused)
                .statusCode(429)
                .contentType(containsString("application/problem+json"))
                .header(
                        "Retry-After",
                        s -> Integer.parseInt(s),
                        allOf(greaterThan(0), lessThanOrEqualTo(WINDOW_SECONDS)))
                .body("status", equalTo(429))
                .body("code", equalTo("RATE_LIMITED"))
                .body("type", equalTo("urn:tiergate:problem:rate-limited"))
                .body("title", equalTo("Too many requests"))
                .body("detail", containsString("retry after"));
        assertEquals(0, organizationRows(refused), "a refused submission writes nothing");

        // Verifications share the budget; reading is not a submission and is never limited.
        given().auth()
                .oauth2(KeycloakTokens.user(CAROL))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "givenName",
                        "Carol",
                        "familyName",
                        "Ratelimit",
                        "dateOfBirth",
                        "1988-06-01",
                        "nationalities",
                        List.of("US"),
                        "residenceCountry",
                        "US"))
                .when()
                .post("/v1/verifications")
                .then()
                .statusCode(429)
                .body("code", equalTo("RATE_LIMITED"));
        given().auth()
                .oauth2(KeycloakTokens.user(CAROL))
                .when()
                .get("/v1/organizations/" + id)
                .then()
                .statusCode(200);
    }

    @Test
    void anonymousSubmissionsAreRefusedBySecurityNotCounted() {
        given().contentType(ContentType.JSON)
                .body(organization(registrationNumber()))
                .when()
                .post("/v1/organizations")
                .then()
                .statusCode(401);
    }
}
