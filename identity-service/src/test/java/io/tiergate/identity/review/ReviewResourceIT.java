package io.tiergate.identity.review;

import static io.restassured.RestAssured.given;
import static io.tiergate.commons.testing.KeycloakTokens.AUDREY;
import static io.tiergate.commons.testing.KeycloakTokens.CAROL;
import static io.tiergate.commons.testing.KeycloakTokens.CAROL_SUBJECT;
import static io.tiergate.commons.testing.KeycloakTokens.OLIVIA;
import static io.tiergate.commons.testing.KeycloakTokens.OLIVIA_SUBJECT;
import static io.tiergate.commons.testing.KeycloakTokens.OSCAR;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tiergate.commons.problem.ApiProblem;
import io.tiergate.commons.testing.EventSchemas;
import io.tiergate.commons.testing.KafkaEvents;
import io.tiergate.commons.testing.KeycloakTokens;
import io.tiergate.identity.screening.SanctionsLists;
import io.tiergate.identity.screening.ScreeningEvents;
import io.tiergate.identity.verification.IdentityEvents;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Screening at onboarding, the officers' review queue, and re-screening when a list changes. */
@QuarkusTest
class ReviewResourceIT {

    @Inject
    SanctionsLists lists;

    @Inject
    ReviewService reviews;

    static ValidatableResponse submit(String givenName, String familyName, String birthDate, String nationality) {
        return given().auth()
                .oauth2(KeycloakTokens.user(CAROL))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "givenName",
                        givenName,
                        "familyName",
                        familyName,
                        "dateOfBirth",
                        birthDate,
                        "nationalities",
                        List.of(nationality),
                        "residenceCountry",
                        "DE"))
                .when()
                .post("/v1/verifications")
                .then()
                .statusCode(201);
    }

    static ValidatableResponse post(String user, String path, Object body) {
        return given().auth()
                .oauth2(KeycloakTokens.user(user))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(path)
                .then();
    }

    /** Issue 15 §4: a Persian family name with its ZWNJ was refused; a Cyrillic spelling of a listed name was VERIFIED. */
    @Test
    void namesInOtherScriptsAreAcceptedAndScreenedAgainstTheLatinEntry() {
        for (String[] name :
                List.of(new String[] {"لیلا", "فرزانه کریم\u200Cپور"}, new String[] {"Лейла", "Фарзане Каримпур"})) {
            String id = submit(name[0], name[1], "1986-02-09", "DE")
                    .body("status", equalTo("IN_REVIEW"))
                    .body("reasons.code", hasItem("SCREENING_HIT"))
                    .extract()
                    .path("id");
            given().auth()
                    .oauth2(KeycloakTokens.user(OLIVIA))
                    .when()
                    .get("/v1/reviews/" + id)
                    .then()
                    .statusCode(200)
                    .body("screeningHits[0].entryName", equalTo("Leila Farzaneh KARIMPOUR"))
                    .body("screeningHits[0].fields", hasItem(containsString("dateOfBirth: matches")));
        }
    }

    @Test
    void aScreeningHitSendsTheCaseToReviewWhereAnOfficerDecidesIt() {
        String id = submit("Ivan", "Sidorov", "1971-03-12", "RU")
                .body("status", equalTo("IN_REVIEW"))
                .body("reasons.code", hasItem("SCREENING_HIT"))
                .extract()
                .path("id");
        var event = KafkaEvents.await(
                IdentityEvents.TOPIC,
                r -> r.value().contains(id) && r.value().contains(IdentityEvents.REVIEW_REQUIRED),
                Duration.ofSeconds(20));
        assertTrue(event.isPresent(), "review-required is published");
        assertTrue(!event.get().value().contains("Sidorov"), "events carry no names");

        given().auth()
                .oauth2(KeycloakTokens.user(OLIVIA))
                .when()
                .get("/v1/reviews/" + id)
                .then()
                .statusCode(200)
                .body("screeningHits[0].entryName", containsString("SIDOROV"))
                .body("screeningHits[0].score", greaterThanOrEqualTo(0.88f))
                .body("screeningHits[0].fields", hasItem(containsString("dateOfBirth: matches")));
        List<String> queue = given().auth()
                .oauth2(KeycloakTokens.user(AUDREY))
                .when()
                .get("/v1/reviews?limit=1000")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        assertTrue(queue.contains(id));

        post(OLIVIA, "/v1/reviews/" + id + "/decision", Map.of("outcome", "REJECTED", "reason", "x"))
                .statusCode(409)
                .body("code", equalTo("REVIEW_NOT_CLAIMED"));
        post(OLIVIA, "/v1/reviews/" + id + "/claim", Map.of())
                .statusCode(200)
                .body("claimedBy", equalTo(OLIVIA_SUBJECT));
        post(OSCAR, "/v1/reviews/" + id + "/claim", Map.of()).statusCode(409).body("code", equalTo("REVIEW_CLAIMED"));
        post(OLIVIA, "/v1/reviews/" + id + "/decision", Map.of("outcome", "MAYBE", "reason", "x"))
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        post(
                        OLIVIA,
                        "/v1/reviews/" + id + "/decision",
                        Map.of("outcome", "REJECTED", "reason", "Same person as SDN entry"))
                .statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("history.to", equalTo(List.of("SUBMITTED", "SCREENING", "IN_REVIEW", "REJECTED")))
                .body("history[3].actor", equalTo(OLIVIA_SUBJECT))
                .body("history[3].reason", equalTo("Same person as SDN entry"));
        post(OLIVIA, "/v1/reviews/" + id + "/claim", Map.of())
                .statusCode(409)
                .body("code", equalTo("CASE_NOT_IN_REVIEW"));
        assertTrue(KafkaEvents.await(
                        IdentityEvents.TOPIC,
                        r -> r.value().contains(id) && r.value().contains(IdentityEvents.REVIEWED),
                        Duration.ofSeconds(20))
                .isPresent());
    }

    @Test
    void aClearedHitIsVerifiedWithAnExpiry() {
        String id = submit("Wang", "Li", "1980-02-02", "CN")
                .body("status", equalTo("IN_REVIEW"))
                .extract()
                .path("id");
        post(OSCAR, "/v1/reviews/" + id + "/claim", Map.of()).statusCode(200);
        post(
                        OSCAR,
                        "/v1/reviews/" + id + "/decision",
                        Map.of("outcome", "VERIFIED", "reason", "Different person: passport seen"))
                .statusCode(200)
                .body("status", equalTo("VERIFIED"))
                .body("consistencyToken", notNullValue());
        given().auth()
                .oauth2(KeycloakTokens.user(CAROL))
                .when()
                .get("/v1/verifications/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("VERIFIED"))
                .body("expiresAt", notNullValue());
    }

    @Test
    void aCommonNameIsNotSentToReview() {
        submit("Maria", "Garcia", "1985-04-04", "ES").body("status", equalTo("VERIFIED"));
    }

    @Test
    void nobodyReviewsACaseAboutThemselves() {
        String id = submit("Ivan", "Sidorov", "1971-03-12", "RU").extract().path("id");
        ApiProblem refused = assertThrows(ApiProblem.class, () -> reviews.claim(CAROL_SUBJECT, UUID.fromString(id)));
        assertEquals("SELF_REVIEW_FORBIDDEN", refused.toProblem().code());
    }

    @Test
    void onlyOfficersDecideAndAuditorsRead() {
        String any = UUID.randomUUID().toString();
        given().auth()
                .oauth2(KeycloakTokens.user(CAROL))
                .when()
                .get("/v1/reviews")
                .then()
                .statusCode(403);
        post(CAROL, "/v1/reviews/" + any + "/claim", Map.of()).statusCode(403);
        post(AUDREY, "/v1/reviews/" + any + "/claim", Map.of()).statusCode(403);
        post(AUDREY, "/v1/reviews/" + any + "/decision", Map.of("outcome", "VERIFIED", "reason", "x"))
                .statusCode(403);
        given().when().get("/v1/reviews").then().statusCode(401);
        given().auth()
                .oauth2(KeycloakTokens.gateway())
                .when()
                .get("/v1/reviews")
                .then()
                .statusCode(401);
        post(OLIVIA, "/v1/reviews/" + any + "/claim", Map.of())
                .statusCode(404)
                .body("code", equalTo("REVIEW_NOT_FOUND"));
    }

    @Test
    void aListUpdateThatMatchesAVerifiedCustomerOpensAReviewAndEmitsAHit() throws Exception {
        // A name no earlier run can have listed: every run starts from the pristine list in src/test/resources.
        String given = "Q" + randomLetters(7);
        String family = "V" + randomLetters(9);
        String verified = submit(given, family, "1979-09-09", "NL")
                .body("status", equalTo("VERIFIED"))
                .extract()
                .path("id");

        Path list = Path.of("target/test-classes/screening/rescreening-sdn.xml");
        String updated = Files.readString(Path.of("src/test/resources/screening/rescreening-sdn.xml"))
                .replace(
                        "</sdnList>",
                        "  <sdnEntry><uid>" + (900002 + new Random().nextInt(90000))
                                + "</uid><firstName>" + given + "</firstName><lastName>" + family.toUpperCase()
                                + "</lastName>"
                                + "<sdnType>Individual</sdnType><programList><program>SDGT</program></programList>"
                                + "<dateOfBirthList><dateOfBirthItem><uid>1</uid><dateOfBirth>09 Sep 1979</dateOfBirth>"
                                + "</dateOfBirthItem></dateOfBirthList></sdnEntry>\n</sdnList>");
        Files.writeString(list, updated);
        assertTrue(lists.refresh(), "the changed list is a new version");

        var hit = KafkaEvents.await(
                IdentityEvents.TOPIC,
                r -> CAROL_SUBJECT.equals(r.key())
                        && r.value().contains(ScreeningEvents.HIT)
                        && r.value().contains("rescreening-sdn.xml"),
                Duration.ofSeconds(30));
        assertTrue(hit.isPresent(), "a screening hit is announced for tier-service to suspend grants");
        EventSchemas.assertValid(hit.get().value());
        String review = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> given().auth()
                                .oauth2(KeycloakTokens.user(OLIVIA))
                                .when()
                                .get("/v1/reviews?limit=1000")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<String>path(
                                        "find { it.kind == 'RESCREENING' && it.familyName == '" + family + "' }.id"),
                        id -> id != null);

        // The officer confirms the hit: the customer's verification is revoked (VERIFIED -> REVOKED) and announced.
        post(OSCAR, "/v1/reviews/" + review + "/claim", Map.of()).statusCode(200);
        post(
                        OSCAR,
                        "/v1/reviews/" + review + "/decision",
                        Map.of("outcome", "REJECTED", "reason", "Confirmed listed person"))
                .statusCode(200)
                .body("status", equalTo("REJECTED"));
        given().auth()
                .oauth2(KeycloakTokens.user(AUDREY))
                .when()
                .get("/v1/verifications/" + verified)
                .then()
                .statusCode(200)
                .body("status", equalTo("REVOKED"));
        var revoked = KafkaEvents.await(
                IdentityEvents.TOPIC,
                r -> CAROL_SUBJECT.equals(r.key())
                        && r.value().contains(IdentityEvents.REVOKED)
                        && r.value().contains(verified),
                Duration.ofSeconds(20));
        assertTrue(revoked.isPresent(), "the revocation is announced");
        EventSchemas.assertValid(revoked.get().value());
    }

    @Test
    void aListUpdateThatMatchesAVerifiedOrganizationPutsItBackInReview() throws Exception {
        String name = "O" + randomLetters(8) + " " + "V" + randomLetters(8) + " Holdings";
        String organization = given().auth()
                .oauth2(KeycloakTokens.user(CAROL))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "legalName",
                        name,
                        "registrationNumber",
                        "R" + randomLetters(6),
                        "countryOfIncorporation",
                        "NL",
                        "kind",
                        "COMPANY",
                        "beneficialOwners",
                        List.of(),
                        "representatives",
                        List.of()))
                .when()
                .post("/v1/organizations")
                .then()
                .statusCode(201)
                .body("status", equalTo("VERIFIED"))
                .extract()
                .path("id");

        Path list = Path.of("target/test-classes/screening/rescreening-sdn.xml");
        String updated = Files.readString(Path.of("src/test/resources/screening/rescreening-sdn.xml"))
                .replace(
                        "</sdnList>",
                        "  <sdnEntry><uid>" + (990000 + new Random().nextInt(9999)) + "</uid><lastName>"
                                + name.toUpperCase()
                                + " LTD</lastName><sdnType>Entity</sdnType><programList><program>NPWMD</program></programList>"
                                + "</sdnEntry>\n</sdnList>");
        Files.writeString(list, updated);
        assertTrue(lists.refresh(), "the changed list is a new version");

        var event = KafkaEvents.await(
                IdentityEvents.TOPIC,
                r -> organization.equals(r.key())
                        && r.value().contains("tiergate.identity.organization.review-required"),
                Duration.ofSeconds(30));
        assertTrue(event.isPresent(), "tier-service learns the organization is back in review");
        EventSchemas.assertValid(event.get().value());
        given().auth()
                .oauth2(KeycloakTokens.user(OLIVIA))
                .when()
                .get("/v1/organizations/" + organization)
                .then()
                .statusCode(200)
                .body("status", equalTo("IN_REVIEW"))
                .body("reasons.code", hasItem("SCREENING_HIT"));
    }

    @Inject
    io.tiergate.identity.verification.VerificationExpiry expiry;

    @Inject
    jakarta.persistence.EntityManager entityManager;

    @Test
    void aVerificationExpiresWhenItsValidityEnds() {
        String id = submit("Ottoline", "Brackenbury", "1966-06-06", "IE")
                .body("status", equalTo("VERIFIED"))
                .extract()
                .path("id");
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery(
                                "UPDATE verification_case SET expires_at = now() - interval '1 second' WHERE id = ?1")
                        .setParameter(1, UUID.fromString(id))
                        .executeUpdate());
        expiry.expireDue();
        given().auth()
                .oauth2(KeycloakTokens.user(AUDREY))
                .when()
                .get("/v1/verifications/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("EXPIRED"))
                .body("reasons.code", hasItem("VERIFICATION_EXPIRED"));
        var expired = KafkaEvents.await(
                IdentityEvents.TOPIC,
                r -> r.value().contains(IdentityEvents.EXPIRED) && r.value().contains(id),
                Duration.ofSeconds(20));
        assertTrue(expired.isPresent(), "the expiry is announced");
        EventSchemas.assertValid(expired.get().value());
    }

    static String randomLetters(int n) {
        Random random = new Random();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }
}
