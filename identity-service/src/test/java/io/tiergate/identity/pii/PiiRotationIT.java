package io.tiergate.identity.pii;

import static io.restassured.RestAssured.given;
import static io.tiergate.commons.testing.KeycloakTokens.ALICE;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.tiergate.commons.crypto.Aead;
import io.tiergate.commons.testing.KeycloakTokens;
import io.tiergate.identity.organization.OrganizationParty;
import io.tiergate.identity.verification.VerificationCase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 §5: each encrypted column is bound to its row and column, and keys rotate. The service runs mid-rotation:
 * active key {@code k2}, the test profile's own key retired as {@code k1}.
 */
@QuarkusTest
@TestProfile(PiiRotationIT.MidRotation.class)
class PiiRotationIT {

    /** The test profile's key (application.properties), which this profile retires. */
    static final String RETIRED = "q3Jv2m8Yx1Zb6Lk0Tn4Rw7Pd9Sf5Hc2Ue8Ga1Mj3Vo4=";

    static final String ACTIVE = Base64.getEncoder().encodeToString(Aead.randomKey());

    public static class MidRotation implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "tiergate.identity.pii-key",
                    ACTIVE,
                    "tiergate.identity.pii-key-id",
                    "k2",
                    "tiergate.identity.pii-retired-keys",
                    "k1=" + RETIRED,
                    // the test drives rotation itself
                    "tiergate.identity.pii-rotation-interval",
                    "off");
        }
    }

    @Inject
    EntityManager entityManager;

    /**
     * Leaves every row as the test profile seals it (key k1): the suites that run after this one, in this module and
     * end to end, share the database and know only that key.
     */
    @AfterEach
    void backToTheTestProfilesKey() {
        PiiCipher testProfile = new PiiCipher("k1", Base64.getDecoder().decode(RETIRED), Map.of());
        QuarkusTransaction.requiringNew().run(() -> {
            VerificationCase.<VerificationCase>find(
                            "givenNameSealed like ?1 or familyNameSealed like ?1 or dateOfBirthSealed like ?1",
                            "v2.k2.%")
                    .list()
                    .forEach(c -> c.reseal(testProfile));
            OrganizationParty.<OrganizationParty>find("nameSealed like ?1", "v2.k2.%")
                    .list()
                    .forEach(p -> p.reseal(testProfile));
        });
    }

    @Inject
    PiiRotation rotation;

    static UUID submit(String given, String family) {
        String id = given().auth()
                .oauth2(KeycloakTokens.user(ALICE))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "givenName",
                        given,
                        "familyName",
                        family,
                        "dateOfBirth",
                        "1990-04-12",
                        "nationalities",
                        List.of("SE"),
                        "residenceCountry",
                        "SE"))
                .when()
                .post("/v1/verifications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return UUID.fromString(id);
    }

    String column(String name, UUID row) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("SELECT " + name + " FROM verification_case WHERE id = ?1")
                .setParameter(1, row)
                .getSingleResult());
    }

    void set(String name, UUID row, String value) {
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("UPDATE verification_case SET " + name + " = ?1 WHERE id = ?2")
                        .setParameter(1, value)
                        .setParameter(2, row)
                        .executeUpdate());
    }

    VerificationCase read(UUID row) {
        return QuarkusTransaction.requiringNew().call(() -> VerificationCase.<VerificationCase>findById(row));
    }

    @Test
    void aCaseWhosePersonalDataDoesNotOpenCanBeRejectedButNotCleared() {
        UUID other = submit("Marta", "Lindqvist");
        String id = given().auth()
                .oauth2(KeycloakTokens.user(ALICE))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "givenName", "Ivan",
                        "familyName", "Sidorov",
                        "dateOfBirth", "1971-03-12",
                        "nationalities", List.of("RU"),
                        "residenceCountry", "DE"))
                .when()
                .post("/v1/verifications")
                .then()
                .statusCode(201)
                .body("status", equalTo("IN_REVIEW"))
                .extract()
                .path("id");
        UUID row = UUID.fromString(id);
        String original = column("given_name", row);
        set("given_name", row, column("given_name", other));
        try {
            officer("/v1/reviews/" + id + "/claim", Map.of())
                    .statusCode(200)
                    .body("personalDataUnreadable", equalTo(true));
            officer("/v1/reviews/" + id + "/decision", Map.of("outcome", "VERIFIED", "reason", "looks fine"))
                    .statusCode(409)
                    .body("code", equalTo("PERSONAL_DATA_UNREADABLE"));
            officer("/v1/reviews/" + id + "/decision", Map.of("outcome", "REJECTED", "reason", "unreadable"))
                    .statusCode(200)
                    .body("status", equalTo("REJECTED"));
        } finally {
            set("given_name", row, original); // as the test profile sealed it, for the suites after this one
        }
    }

    private static io.restassured.response.ValidatableResponse officer(String path, Object body) {
        return given().auth()
                .oauth2(KeycloakTokens.user(KeycloakTokens.OLIVIA))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(path)
                .then();
    }

    @Test
    void aCiphertextMovedToAnotherRowDoesNotOpen() {
        UUID first = submit("Marta", "Lindqvist");
        UUID second = submit("Sven", "Holm");
        assertTrue(column("given_name", first).startsWith("v2.k2."), "sealed under the active key, with its id");
        set("given_name", second, column("given_name", first));
        VerificationCase broken = read(second);
        assertTrue(broken.personalDataUnreadable, "the row reads, flagged");
        assertNull(broken.givenName);
        assertNull(broken.familyName, "none of its personal data is shown");
        PiiCipher cipher = new PiiCipher("k2", Base64.getDecoder().decode(ACTIVE), Map.of());
        assertThrows(IllegalStateException.class, () -> broken.reseal(cipher), "never resealed as nothing");
        assertEquals("Marta", read(first).givenName, "the original row still opens");
        // an officer reading it gets the case, flagged, not a 500; the incident is counted for the alert
        given().auth()
                .oauth2(KeycloakTokens.user(KeycloakTokens.OLIVIA))
                .when()
                .get("/v1/reviews/" + second)
                .then()
                .statusCode(200)
                .body("personalDataUnreadable", equalTo(true))
                .body("givenName", nullValue())
                .body("subject", notNullValue());
        String metrics = given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(
                metrics.lines()
                        .anyMatch(l -> l.startsWith("tiergate_pii_unreadable_total{")
                                && l.contains("table=\"verification_case\"")
                                && Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) >= 1),
                "tiergate_pii_unreadable_total counted the read");
        set(
                "given_name",
                second,
                new PiiCipher("k2", Base64.getDecoder().decode(ACTIVE), Map.of())
                        .seal("Sven", "verification_case.given_name", second));
        assertEquals("Sven", read(second).givenName);
    }

    @Test
    void rowsUnderARetiredKeyOrWrittenBeforeKeyIdsAreResealedUnderTheActiveKey() {
        UUID row = submit("Ingrid", "Berg");
        byte[] retired = Base64.getDecoder().decode(RETIRED);
        set(
                "given_name",
                row,
                new PiiCipher("k1", retired, Map.of()).seal("Ingrid", "verification_case.given_name", row));
        // the form values had before key ids: no prefix, one fixed context
        set(
                "family_name",
                row,
                Base64.getEncoder()
                        .encodeToString(Aead.seal(
                                retired,
                                "Berg".getBytes(StandardCharsets.UTF_8),
                                "tiergate.identity.pii/v1".getBytes(StandardCharsets.UTF_8))));
        assertEquals("Ingrid", read(row).givenName, "a retired key still opens");
        assertEquals("Berg", read(row).familyName, "a value from before key ids still opens");
        assertTrue(rotation.pending() >= 1);

        assertTrue(rotation.rotate() >= 1);

        assertEquals(0, rotation.pending(), "nothing is left under a retired key");
        for (String name : List.of("given_name", "family_name", "date_of_birth")) {
            assertTrue(column(name, row).startsWith("v2.k2."), name + ": " + column(name, row));
        }
        VerificationCase resealed = read(row);
        assertEquals("Ingrid", resealed.givenName);
        assertEquals("Berg", resealed.familyName);
        assertEquals("1990-04-12", resealed.dateOfBirth.toString());
        // the retired key can now go: the active key alone opens the row
        PiiCipher activeOnly = new PiiCipher("k2", Base64.getDecoder().decode(ACTIVE), Map.of());
        assertEquals("Ingrid", activeOnly.open(column("given_name", row), "verification_case.given_name", row));
    }
}
