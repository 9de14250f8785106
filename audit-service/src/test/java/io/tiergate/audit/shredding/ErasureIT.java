package io.tiergate.audit.shredding;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tiergate.audit.proof.Checkpointer;
import io.tiergate.audit.verifier.ProofVerifier;
import io.tiergate.audit.verifier.Rfc6962;
import io.tiergate.commons.testing.KafkaEvents;
import io.tiergate.commons.testing.KeycloakTokens;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Crypto-shredding: personal data is sealed per subject; erasure makes it unreadable while the log still verifies. */
@QuarkusTest
class ErasureIT {

    static final String PERSONAL_DATA = "{\"caseId\":\"" + UUID.randomUUID()
            + "\",\"status\":\"VERIFIED\",\"nationalities\":[\"FR\"]," + "\"residenceCountry\":\"FR\",\"reasons\":[]}";

    @Inject
    Checkpointer checkpointer;

    static JsonPath events(String subject) {
        return given().auth()
                .oauth2(KeycloakTokens.user(KeycloakTokens.AUDREY))
                .queryParam("subject", subject)
                .when()
                .get("/v1/events")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static Map<String, Object> erasure(String subject) {
        return Map.of("subject", subject, "reason", "GDPR Art. 17 request #" + subject.substring(0, 8));
    }

    @Test
    void erasureMakesPersonalDataUnreadableWhileEveryProofStillVerifies() {
        String subject = UUID.randomUUID().toString();
        KafkaEvents.publish(
                "tiergate.identity",
                "identity-service",
                "tiergate.identity.verification.verified",
                subject,
                1,
                PERSONAL_DATA);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> events(subject).getList("index").size() == 1);
        JsonPath before = events(subject);
        assertEquals(List.of("FR"), before.getList("[0].event.data.nationalities"));
        long index = before.getLong("[0].index");

        String stored = new String(
                Base64.getDecoder()
                        .decode(given().auth()
                                .oauth2(KeycloakTokens.user(KeycloakTokens.AUDREY))
                                .when()
                                .get("/v1/entries/" + index)
                                .then()
                                .statusCode(200)
                                .extract()
                                .<String>path("entry")),
                StandardCharsets.UTF_8);
        assertFalse(
                stored.contains("nationalities") || stored.contains("\"FR\""),
                "personal data is sealed in the log: " + stored);
        byte[] leafBefore = Rfc6962.leafHash(stored.getBytes(StandardCharsets.UTF_8));

        for (String user : List.of(KeycloakTokens.AUDREY, KeycloakTokens.ALICE, KeycloakTokens.OLIVIA)) {
            given().auth()
                    .oauth2(KeycloakTokens.user(user))
                    .contentType(ContentType.JSON)
                    .body(erasure(subject))
                    .when()
                    .post("/v1/erasures")
                    .then()
                    .statusCode(403);
        }
        given().contentType(ContentType.JSON)
                .body(erasure(subject))
                .when()
                .post("/v1/erasures")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(KeycloakTokens.user(KeycloakTokens.PAULA))
                .contentType(ContentType.JSON)
                .body(erasure(subject))
                .when()
                .post("/v1/erasures")
                .then()
                .statusCode(201)
                .body("subject", equalTo(subject));
        given().auth()
                .oauth2(KeycloakTokens.user(KeycloakTokens.PAULA))
                .contentType(ContentType.JSON)
                .body(erasure(subject))
                .when()
                .post("/v1/erasures")
                .then()
                .statusCode(409)
                .body("code", equalTo("SUBJECT_ALREADY_ERASED"));

        JsonPath after = events(subject);
        assertEquals(true, after.getBoolean("[0].event.data.redacted"));
        assertEquals(ErasureService.ERASED, after.getString("[1].type"), "the erasure is itself an entry");
        assertTrue(after.getString("[1].event.data.reason").startsWith("GDPR"));

        long size = checkpointer.checkpoint();
        JsonPath verification = given().auth()
                .oauth2(KeycloakTokens.user(KeycloakTokens.AUDREY))
                .when()
                .get("/v1/log/verification")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertTrue(verification.getBoolean("valid"), verification.prettify());
        JsonPath checkpoint = given().auth()
                .oauth2(KeycloakTokens.user(KeycloakTokens.AUDREY))
                .when()
                .get("/v1/checkpoints/" + size)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        JsonPath proof = given().auth()
                .oauth2(KeycloakTokens.user(KeycloakTokens.AUDREY))
                .when()
                .get("/v1/proofs/inclusion?index=" + index + "&treeSize=" + size)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertTrue(
                ProofVerifier.verifyInclusion(
                        index,
                        size,
                        leafBefore,
                        proof.getList("proof", String.class).stream()
                                .map(p -> Base64.getDecoder().decode(p))
                                .toList(),
                        Base64.getDecoder().decode(checkpoint.getString("rootHash"))),
                "the erased entry's leaf still proves");

        // An event arriving after the erasure keeps nothing personal.
        KafkaEvents.publish(
                "tiergate.identity",
                "identity-service",
                "tiergate.identity.verification.verified",
                subject,
                2,
                PERSONAL_DATA);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> events(subject).getList("index").size() == 3);
        assertEquals(true, events(subject).getBoolean("[2].event.data.redacted"));
    }

    @Test
    void erasureRequestsAreValidated() {
        given().auth()
                .oauth2(KeycloakTokens.user(KeycloakTokens.PAULA))
                .contentType(ContentType.JSON)
                .body(Map.of("subject", "s"))
                .when()
                .post("/v1/erasures")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
    }

    /** Issue 15 §3: a NUL inside the body reached PostgreSQL and came back as 500. */
    @Test
    void aNulInsideTheBodyIsAFieldErrorNamingTheField() {
        String subject = UUID.randomUUID().toString();
        for (String field : List.of("subject", "reason")) {
            String body = "subject".equals(field)
                    ? "{\"subject\":\"" + subject + "\\u0000\",\"reason\":\"GDPR Art. 17\"}"
                    : "{\"subject\":\"" + subject + "\",\"reason\":\"GDPR\\u0000 Art. 17\"}";
            given().auth()
                    .oauth2(KeycloakTokens.user(KeycloakTokens.PAULA))
                    .contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .post("/v1/erasures")
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(400)
                    .contentType(org.hamcrest.Matchers.containsString("application/problem+json"))
                    .body("code", equalTo("VALIDATION_FAILED"))
                    .body("errors[0].field", equalTo(field));
        }
        given().auth()
                .oauth2(KeycloakTokens.user(KeycloakTokens.PAULA))
                .contentType(ContentType.JSON)
                .body(erasure(subject))
                .when()
                .post("/v1/erasures")
                .then()
                .statusCode(201);
    }
}
