package io.tiergate.identity.sybil;

import static io.restassured.RestAssured.given;
import static io.tiergate.commons.testing.KeycloakTokens.AUDREY;
import static io.tiergate.commons.testing.KeycloakTokens.BOB;
import static io.tiergate.commons.testing.KeycloakTokens.BOB_SUBJECT;
import static io.tiergate.commons.testing.KeycloakTokens.CAROL;
import static io.tiergate.commons.testing.KeycloakTokens.CAROL_SUBJECT;
import static io.tiergate.commons.testing.KeycloakTokens.OLIVIA;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tiergate.commons.testing.KafkaEvents;
import io.tiergate.commons.testing.KeycloakTokens;
import io.tiergate.identity.document.Mrz;
import io.tiergate.identity.verification.IdentityEvents;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Document evidence (format, expiry, MRZ), duplicate-identity linking, and bad input, against the real stack. */
@QuarkusTest
class DocumentsAndLinkingIT {

    @Inject
    EntityManager entityManager;

    static Map<String, Object> claims(String givenName, Map<String, Object> document) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "givenName",
                givenName,
                "familyName",
                "Quennell",
                "dateOfBirth",
                "1988-05-17",
                "nationalities",
                List.of("GB"),
                "residenceCountry",
                "GB"));
        if (document != null) {
            body.put("document", document);
        }
        return body;
    }

    static Map<String, Object> passport(String number, String expiry) {
        return Map.of("type", "PASSPORT", "number", number, "issuingCountry", "GB", "expiryDate", expiry);
    }

    static ValidatableResponse submit(String user, Map<String, Object> body) {
        return given().auth()
                .oauth2(KeycloakTokens.user(user))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v1/verifications")
                .then();
    }

    static String randomNumber() {
        return "T" + (10_000_000 + new Random().nextInt(89_999_999));
    }

    @Test
    void twoAccountsWithTheSamePassportAreLinkedAndTheSecondGoesToReview() {
        String number = randomNumber();
        submit(CAROL, claims("Carol", passport(number, "2031-01-01")))
                .statusCode(201)
                .body("status", equalTo("VERIFIED"));
        String second = submit(BOB, claims("Robert", passport(number.toLowerCase(), "2031-01-01")))
                .statusCode(201)
                .body("status", equalTo("IN_REVIEW"))
                .body("reasons.code", hasItem("DUPLICATE_IDENTITY"))
                .extract()
                .path("id");
        String cluster = given().auth()
                .oauth2(KeycloakTokens.user(OLIVIA))
                .when()
                .get("/v1/reviews/" + second)
                .then()
                .statusCode(200)
                .body("linkedSubjects", hasItem(CAROL_SUBJECT))
                .body("documentLast4", equalTo(number.substring(number.length() - 4)))
                .extract()
                .path("clusterId");
        given().auth()
                .oauth2(KeycloakTokens.user(AUDREY))
                .when()
                .get("/v1/clusters/" + cluster)
                .then()
                .statusCode(200)
                .body("members.subject", hasItems(CAROL_SUBJECT, BOB_SUBJECT))
                .body("members.linkedBy", hasItem(containsString("DOCUMENT")));
        assertTrue(
                KafkaEvents.await(
                                IdentityEvents.TOPIC,
                                r -> r.value().contains(IdentityEvents.CLUSTER_LINKED)
                                        && r.value().contains(cluster),
                                Duration.ofSeconds(20))
                        .isPresent(),
                "cluster-linked is published");
        given().auth()
                .oauth2(KeycloakTokens.user(CAROL))
                .when()
                .get("/v1/clusters/" + cluster)
                .then()
                .statusCode(403);

        Object stored = QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery(
                                "SELECT count(*) FROM verification_case WHERE document_hash LIKE ?1 OR document_last4 = ?2 AND length(document_hash) <> 64")
                        .setParameter(1, "%" + number + "%")
                        .setParameter(2, number)
                        .getSingleResult());
        assertTrue(
                ((Number) stored).longValue() == 0,
                "the document number is stored only as a keyed hash and its last 4");
    }

    @Test
    void anExpiredDocumentOrABadMrzIsRejectedWithTheReasonNamed() {
        submit(
                        CAROL,
                        claims(
                                "Carol",
                                passport(
                                        randomNumber(),
                                        LocalDate.now().minusDays(1).toString())))
                .statusCode(201)
                .body("status", equalTo("REJECTED"))
                .body("reasons.code", hasItem("DOCUMENT_EXPIRED"));

        String number = "Q12345678";
        String line2 = number + Mrz.digit(number) + "GBR" + "880517" + Mrz.digit("880517") + "F" + "310101"
                + Mrz.digit("310101") + "<<<<<<<<<<<<<<" + "<";
        String composite = line2.substring(0, 10) + line2.substring(13, 20) + line2.substring(21, 43);
        line2 = line2 + Mrz.digit(composite);
        Map<String, Object> good = new HashMap<>(passport(number, "2031-01-01"));
        good.put("mrz", List.of("P<GBRQUENNELL<<CAROL<<<<<<<<<<<<<<<<<<<<<<<<", line2));
        submit(CAROL, claims("Carol", good))
                .statusCode(201)
                .body("reasons.code", hasItems())
                .body("reasons.code.findAll { it.startsWith('MRZ') }", equalTo(List.of()));
        Map<String, Object> tampered = new HashMap<>(good);
        tampered.put("mrz", List.of("P<GBRQUENNELL<<CAROL<<<<<<<<<<<<<<<<<<<<<<<<", line2.replace("880517", "880518")));
        submit(CAROL, claims("Carol", tampered))
                .statusCode(201)
                .body("status", equalTo("REJECTED"))
                .body("reasons.code", hasItems("MRZ_CHECK_DIGIT", "MRZ_MISMATCH"));
    }

    @Test
    void badInputIsA400NamingTheFieldAndWritesNothing() {
        long before = cases();
        submit(CAROL, Map.of("givenName", "x")).statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        Map<String, Object> unknown = claims("Carol", null);
        unknown.put("isAdmin", true);
        submit(CAROL, unknown).statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
        submit(CAROL, claims("C".repeat(10_000), null))
                .statusCode(400)
                .body("errors.field", hasItem(containsString("givenName")));
        submit(CAROL, claims("Car\u0000ol", null))
                .statusCode(400)
                .body("errors.field", hasItem(containsString("givenName")));
        submit(CAROL, claims("Car\u200Bol", null))
                .statusCode(400)
                .body("errors.field", hasItem(containsString("givenName")));
        submit(CAROL, claims("\u0410lice", null))
                .statusCode(400) // Cyrillic A + Latin: a look-alike
                .body("errors.message", hasItem(containsString("one script")));
        Map<String, Object> future = claims("Carol", null);
        future.put("dateOfBirth", LocalDate.now().plusDays(1).toString());
        submit(CAROL, future).statusCode(400).body("errors.field", hasItem(containsString("dateOfBirth")));
        Map<String, Object> wrongType = claims("Carol", null);
        wrongType.put("nationalities", "GB");
        submit(CAROL, wrongType).statusCode(400);
        submit(CAROL, claims("Carol", passport("A B;C", "2031-01-01")))
                .statusCode(400)
                .body("errors.field", hasItem(containsString("document.number")));
        assertTrue(cases() == before, "no half-written case");
        submit(CAROL, claims("王力", null)).statusCode(201); // one script (Han) is fine
    }

    long cases() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery("SELECT count(*) FROM verification_case")
                                .getSingleResult())
                        .longValue());
    }
}
