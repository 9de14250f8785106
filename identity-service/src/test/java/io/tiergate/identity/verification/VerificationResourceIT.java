package io.tiergate.identity.verification;

import static io.restassured.RestAssured.given;
import static io.tiergate.commons.testing.KeycloakTokens.ALICE;
import static io.tiergate.commons.testing.KeycloakTokens.ALICE_SUBJECT;
import static io.tiergate.commons.testing.KeycloakTokens.AUDREY;
import static io.tiergate.commons.testing.KeycloakTokens.BOB;
import static io.tiergate.commons.testing.KeycloakTokens.OLIVIA;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tiergate.commons.testing.KafkaEvents;
import io.tiergate.commons.testing.KeycloakTokens;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Against the real test Keycloak, PostgreSQL and Kafka started by {@code deploy/tiergate test}. */
@QuarkusTest
class VerificationResourceIT {

    static final String ADULT_BIRTH_DATE = "1990-04-12";

    static Map<String, Object> claims(String residence, String birthDate, List<String> nationalities) {
        return Map.of(
                "givenName",
                "Alice",
                "familyName",
                "Anders",
                "dateOfBirth",
                birthDate,
                "nationalities",
                nationalities,
                "residenceCountry",
                residence);
    }

    static String submitAs(String user, Map<String, Object> body) {
        return given().auth()
                .oauth2(KeycloakTokens.user(user))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v1/verifications")
                .then()
                .statusCode(201)
                .extract()
                .asString();
    }

    @Test
    void adultResidentOutsideEmbargoIsVerifiedAndTheVerdictIsPublished() {
        String id = given().auth()
                .oauth2(KeycloakTokens.user(ALICE))
                .contentType(ContentType.JSON)
                .body(claims("us", ADULT_BIRTH_DATE, List.of("US", "gb")))
                .when()
                .post("/v1/verifications")
                .then()
                .statusCode(201)
                .body("status", equalTo("VERIFIED"))
                .body("subject", equalTo(ALICE_SUBJECT))
                .body("consistencyToken", startsWith("identity-service:" + ALICE_SUBJECT + ":"))
                .extract()
                .path("id");

        given().auth()
                .oauth2(KeycloakTokens.user(ALICE))
                .when()
                .get("/v1/verifications/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("VERIFIED"));

        var event = KafkaEvents.await(
                IdentityEvents.TOPIC,
                r -> r.value().contains(id) && r.value().contains(IdentityEvents.VERIFIED),
                Duration.ofSeconds(20));
        assertTrue(event.isPresent(), "the verdict reaches Kafka through the outbox");
        String json = event.get().value();
        assertTrue(json.contains("\"type\":\"" + IdentityEvents.VERIFIED + "\""), json);
        assertTrue(json.contains("\"subject\":\"" + ALICE_SUBJECT + "\""), json);
        assertTrue(json.contains("\"nationalities\":[\"US\",\"GB\"]"), json);
        assertTrue(!json.contains("Anders") && !json.contains(ADULT_BIRTH_DATE), "no names or birth dates in events");
        assertTrue(ALICE_SUBJECT.equals(event.get().key()), "keyed by subject");
    }

    @Inject
    EntityManager entityManager;

    @Test
    void namesAndBirthDatesAreEncryptedAtRest() {
        String id = io.restassured.path.json.JsonPath.from(
                        submitAs(ALICE, claims("US", ADULT_BIRTH_DATE, List.of("US"))))
                .getString("id");
        Object[] raw = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager
                .createNativeQuery("SELECT given_name, family_name, date_of_birth FROM verification_case WHERE id = ?1")
                .setParameter(1, java.util.UUID.fromString(id))
                .getSingleResult());
        for (Object column : raw) {
            String stored = column.toString();
            assertTrue(!stored.contains("Alice") && !stored.contains("Anders") && !stored.contains("1990"), stored);
        }
        VerificationCase read = QuarkusTransaction.requiringNew()
                .call(() -> VerificationCase.<VerificationCase>findById(java.util.UUID.fromString(id)));
        assertTrue("Alice".equals(read.givenName)
                && LocalDate.parse(ADULT_BIRTH_DATE).equals(read.dateOfBirth));
    }

    @Test
    void embargoedResidenceIsRejectedWithTheRuleNamed() {
        given().auth()
                .oauth2(KeycloakTokens.user(BOB))
                .contentType(ContentType.JSON)
                .body(claims("IR", ADULT_BIRTH_DATE, List.of("DE")))
                .when()
                .post("/v1/verifications")
                .then()
                .statusCode(201)
                .body("status", equalTo("REJECTED"))
                .body("reasons.code", hasItem(VerificationRules.EMBARGOED_RESIDENCE));
    }

    @Test
    void anEmbargoedNationalityIsRejectedWithTheRuleNamed() {
        given().auth()
                .oauth2(KeycloakTokens.user(BOB))
                .contentType(ContentType.JSON)
                .body(claims("DE", ADULT_BIRTH_DATE, List.of("DE", "KP")))
                .when()
                .post("/v1/verifications")
                .then()
                .statusCode(201)
                .body("status", equalTo("REJECTED"))
                .body("reasons.code", hasItem(VerificationRules.EMBARGOED_NATIONALITY))
                .body("reasons.message", hasItem(containsString("rule: embargoed-nationality")));
    }

    @Test
    void aNationalOfACountryOfConcernGoesToReviewWithTheRuleNamed() {
        given().auth()
                .oauth2(KeycloakTokens.user(BOB))
                .contentType(ContentType.JSON)
                .body(claims("DE", ADULT_BIRTH_DATE, List.of("BY")))
                .when()
                .post("/v1/verifications")
                .then()
                .statusCode(201)
                .body("status", equalTo("IN_REVIEW"))
                .body("reasons.code", hasItem(VerificationRules.COUNTRY_OF_CONCERN))
                .body("reasons.message", hasItem(containsString("rule: country-of-concern")));
    }

    @Test
    void minorsAreRejectedAndUnknownCountryCodesRefused() {
        String tenYearsAgo = LocalDate.now().minusYears(10).toString();
        given().auth()
                .oauth2(KeycloakTokens.user(BOB))
                .contentType(ContentType.JSON)
                .body(claims("DE", tenYearsAgo, List.of("DE")))
                .when()
                .post("/v1/verifications")
                .then()
                .statusCode(201)
                .body("status", equalTo("REJECTED"))
                .body("reasons.code", hasItem(VerificationRules.UNDERAGE));
        given().auth()
                .oauth2(KeycloakTokens.user(BOB))
                .contentType(ContentType.JSON)
                .body(claims("DE", ADULT_BIRTH_DATE, List.of("XX")))
                .when()
                .post("/v1/verifications")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem(containsString("nationalities")));
    }

    @Test
    void anonymousCallersAreRefused() {
        given().contentType(ContentType.JSON)
                .body(claims("US", ADULT_BIRTH_DATE, List.of("US")))
                .when()
                .post("/v1/verifications")
                .then()
                .statusCode(401);
        given().when()
                .get("/v1/verifications/00000000-0000-0000-0000-000000000000")
                .then()
                .statusCode(401);
    }

    @Test
    void callersWithoutTheRoleAreRefused() {
        given().auth()
                .oauth2(KeycloakTokens.user(OLIVIA))
                .contentType(ContentType.JSON)
                .body(claims("US", ADULT_BIRTH_DATE, List.of("US")))
                .when()
                .post("/v1/verifications")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(KeycloakTokens.user(KeycloakTokens.PAULA))
                .when()
                .get("/v1/verifications/00000000-0000-0000-0000-000000000000")
                .then()
                .statusCode(403);
    }

    @Test
    void tokensMeantForAnotherServiceAreRefused() {
        // The gateway's token carries only the entitlement-service audience.
        given().auth()
                .oauth2(KeycloakTokens.gateway())
                .when()
                .get("/v1/verifications/00000000-0000-0000-0000-000000000000")
                .then()
                .statusCode(401);
    }

    @Test
    void customersSeeOnlyTheirOwnCasesWhileAuditorsSeeAll() {
        String body = submitAs(ALICE, claims("US", ADULT_BIRTH_DATE, List.of("US")));
        String id = io.restassured.path.json.JsonPath.from(body).getString("id");
        given().auth()
                .oauth2(KeycloakTokens.user(BOB))
                .when()
                .get("/v1/verifications/" + id)
                .then()
                .statusCode(404)
                .body("code", equalTo("VERIFICATION_NOT_FOUND"));
        given().auth()
                .oauth2(KeycloakTokens.user(AUDREY))
                .when()
                .get("/v1/verifications/" + id)
                .then()
                .statusCode(200)
                .body("subject", equalTo(ALICE_SUBJECT));
    }

    @Test
    void malformedInputIsAProblemNotAServerError() {
        given().auth()
                .oauth2(KeycloakTokens.user(ALICE))
                .contentType(ContentType.JSON)
                .body("{\"givenName\": ")
                .when()
                .post("/v1/verifications")
                .then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("code", equalTo("MALFORMED_REQUEST"));
        given().auth()
                .oauth2(KeycloakTokens.user(ALICE))
                .contentType(ContentType.JSON)
                .body(claims("US", "12/04/1990", List.of("US")))
                .when()
                .post("/v1/verifications")
                .then()
                .statusCode(400)
                .body("code", equalTo("MALFORMED_REQUEST"))
                .body("detail", containsString("dateOfBirth"));
        given().auth()
                .oauth2(KeycloakTokens.user(ALICE))
                .contentType(ContentType.JSON)
                .body(Map.of("givenName", "Alice"))
                .when()
                .post("/v1/verifications")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("familyName"));
        given().auth()
                .oauth2(KeycloakTokens.user(ALICE))
                .when()
                .get("/v1/verifications/not-a-uuid")
                .then()
                .statusCode(400)
                .body("code", equalTo("INVALID_PARAMETER"));
    }
}
