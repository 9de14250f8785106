package io.tiergate.audit.log;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.tiergate.commons.testing.KafkaEvents;
import io.tiergate.commons.testing.KeycloakTokens;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against the real test Keycloak, PostgreSQL and Kafka started by {@code deploy/tiergate test}. */
@QuarkusTest
class AuditTrailTest {

    static final String GRANTED = "tiergate.tier.granted";
    static final String GRANT_DATA = "{\"grantId\":\"g\",\"tier\":\"PUBLIC\",\"status\":\"ACTIVE\",\"actor\":\"o\",\"reason\":\"r\"}";

    @Inject
    EntityManager entityManager;

    static List<String> typesOf(String subject) {
        return given().auth().oauth2(KeycloakTokens.user(KeycloakTokens.AUDREY)).queryParam("subject", subject)
                .when().get("/v1/events")
                .then().statusCode(200).extract().path("type");
    }

    @Test
    void everyTopicIsRecordedOnceInOrderEvenWhenRedelivered() {
        String subject = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        String granted = KafkaEvents.cloudEvent(id, "tier-service", GRANTED, subject, 1, GRANT_DATA);
        KafkaEvents.publishRaw("tiergate.tier", subject, granted);
        KafkaEvents.publishRaw("tiergate.tier", subject, granted); // a redelivery
        KafkaEvents.publishRaw("tiergate.tier", subject, "not json at all"); // skipped, does not block the topic
        KafkaEvents.publish("tiergate.decisions", "entitlement-service", "tiergate.decision.denied", subject, 2, "{}");

        await().atMost(Duration.ofSeconds(30)).until(() -> typesOf(subject).size() >= 2);
        given().auth().oauth2(KeycloakTokens.user(KeycloakTokens.AUDREY)).queryParam("subject", subject)
                .when().get("/v1/events")
                .then().statusCode(200)
                .body("$", hasSize(2))
                .body("[0].eventId", equalTo(id))
                .body("[0].topic", equalTo("tiergate.tier"))
                .body("[0].event.data.tier", equalTo("PUBLIC"))
                .body("[1].type", equalTo("tiergate.decision.denied"))
                .body("[1].prevHash.length()", equalTo(64));
    }

    @Test
    void theChainVerifiesAndATamperedRecordIsFound() {
        String subject = UUID.randomUUID().toString();
        KafkaEvents.publish("tiergate.identity", "identity-service", "tiergate.identity.verification.verified", subject, 1,
                "{\"status\":\"VERIFIED\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> typesOf(subject).size() == 1);
        String auditor = KeycloakTokens.user(KeycloakTokens.AUDREY);
        given().auth().oauth2(auditor).when().get("/v1/chain/verification")
                .then().statusCode(200).body("valid", equalTo(true));

        long seq = QuarkusTransaction.requiringNew().call(() -> AuditRecord.<AuditRecord>find("subject", subject)
                .firstResult().seq);
        // The database refuses edits outright...
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE audit_record SET payload = 'forged' WHERE seq = ?1")
                .setParameter(1, seq).executeUpdate()));
        // ...and someone who bypasses the trigger is caught by the chain.
        try {
            tamper(seq, true);
            given().auth().oauth2(auditor).when().get("/v1/chain/verification")
                    .then().statusCode(200).body("valid", equalTo(false))
                    .body("firstInvalidSeq", equalTo((int) seq));
        } finally {
            tamper(seq, false);
        }
        given().auth().oauth2(auditor).when().get("/v1/chain/verification")
                .then().statusCode(200).body("valid", equalTo(true));
    }

    /** Forges (or restores) a record's payload with the append-only trigger switched off, as a rogue DBA could. */
    private void tamper(long seq, boolean forge) {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("ALTER TABLE audit_record DISABLE TRIGGER audit_record_append_only")
                    .executeUpdate();
            String sql = forge
                    ? "UPDATE audit_record SET payload = payload || ' ' WHERE seq = ?1"
                    : "UPDATE audit_record SET payload = rtrim(payload, ' ') WHERE seq = ?1";
            int updated = entityManager.createNativeQuery(sql).setParameter(1, seq).executeUpdate();
            assertEquals(1, updated);
            entityManager.createNativeQuery("ALTER TABLE audit_record ENABLE TRIGGER audit_record_append_only")
                    .executeUpdate();
        });
    }

    @Test
    void onlyAuditorsReadTheTrail() {
        given().queryParam("subject", "s").when().get("/v1/events").then().statusCode(401);
        given().when().get("/v1/chain/verification").then().statusCode(401);
        for (String user : List.of(KeycloakTokens.ALICE, KeycloakTokens.OLIVIA, KeycloakTokens.PAULA)) {
            given().auth().oauth2(KeycloakTokens.user(user)).queryParam("subject", "s").when().get("/v1/events")
                    .then().statusCode(403);
            given().auth().oauth2(KeycloakTokens.user(user)).when().get("/v1/chain/verification")
                    .then().statusCode(403);
        }
    }

    @Test
    void badQueriesAreProblems() {
        String auditor = KeycloakTokens.user(KeycloakTokens.AUDREY);
        given().auth().oauth2(auditor).when().get("/v1/events")
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("code", equalTo("VALIDATION_FAILED"));
        given().auth().oauth2(auditor).queryParam("subject", "s").queryParam("limit", "lots").when().get("/v1/events")
                .then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("code", equalTo("INVALID_PARAMETER"));
    }
}
