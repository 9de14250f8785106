package io.tiergate.audit.log;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.tiergate.commons.testing.CampaignFixtures;
import io.tiergate.commons.testing.KafkaEvents;
import io.tiergate.commons.testing.KeycloakTokens;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Against the real test Keycloak, PostgreSQL and Kafka started by {@code deploy/tiergate test}. */
@QuarkusTest
class AuditTrailIT {

    static final String GRANTED = "tiergate.tier.granted";
    static final String GRANT_DATA =
            "{\"grantId\":\"g\",\"tier\":\"PUBLIC\",\"status\":\"ACTIVE\",\"actor\":\"officer-7\",\"reason\":\"r\"}";

    @Inject
    EntityManager entityManager;

    static List<String> typesOf(String subject) {
        return given().auth()
                .oauth2(KeycloakTokens.user(KeycloakTokens.AUDREY))
                .queryParam("subject", subject)
                .when()
                .get("/v1/events")
                .then()
                .statusCode(200)
                .extract()
                .path("type");
    }

    @Test
    void everyTopicIsRecordedOnceInOrderEvenWhenRedelivered() {
        String subject = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        String granted = KafkaEvents.cloudEvent(id, "tier-service", GRANTED, subject, 1, GRANT_DATA);
        KafkaEvents.publishRaw("tiergate.tier", subject, granted);
        KafkaEvents.publishRaw("tiergate.tier", subject, granted); // a redelivery
        KafkaEvents.publishRaw("tiergate.tier", subject, "not json at all"); // skipped, does not block the topic
        KafkaEvents.publish(
                "tiergate.decisions",
                "entitlement-service",
                "tiergate.decision.denied",
                subject,
                2,
                "{\"capability\":\"mythos-5:chat\"}");

        await().atMost(Duration.ofSeconds(30)).until(() -> typesOf(subject).size() >= 2);
        given().auth()
                .oauth2(KeycloakTokens.user(KeycloakTokens.AUDREY))
                .queryParam("subject", subject)
                .when()
                .get("/v1/events")
                .then()
                .statusCode(200)
                .body("$", hasSize(2))
                .body("[0].eventId", equalTo(id))
                .body("[0].topic", equalTo("tiergate.tier"))
                .body("[0].actor", equalTo("officer-7"))
                .body("[0].event.data.tier", equalTo("PUBLIC"))
                .body("[1].type", equalTo("tiergate.decision.denied"))
                .body("[1].capability", equalTo("mythos-5:chat"))
                .body("[1].leafHash.length()", equalTo(44));
        // Other filters and the cursor
        given().auth()
                .oauth2(KeycloakTokens.user(KeycloakTokens.PAULA))
                .queryParam("actor", "officer-7")
                .queryParam("type", GRANTED)
                .queryParam("limit", 1)
                .when()
                .get("/v1/events")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .header("Tiergate-Next-Cursor", notNullValue());
    }

    @Test
    void campaignEventsAreRecordedWithTheDecidingOfficerAsActor() {
        String account = UUID.randomUUID().toString();
        String campaign = UUID.randomUUID().toString();
        CampaignFixtures.contained(account, campaign, "DENY");
        CampaignFixtures.confirmed(account, campaign, KeycloakTokens.OSCAR_SUBJECT);

        await().atMost(Duration.ofSeconds(30)).until(() -> typesOf(account).size() >= 2);
        given().auth()
                .oauth2(KeycloakTokens.user(KeycloakTokens.AUDREY))
                .queryParam("subject", account)
                .when()
                .get("/v1/events")
                .then()
                .statusCode(200)
                .body("$", hasSize(2))
                .body("topic", equalTo(List.of(CampaignFixtures.TOPIC, CampaignFixtures.TOPIC)))
                .body("type", equalTo(List.of(CampaignFixtures.ACCOUNT_CONTAINED, CampaignFixtures.ACCOUNT_CONFIRMED)))
                .body("[1].source", equalTo(CampaignFixtures.SOURCE))
                .body("[1].actor", equalTo(KeycloakTokens.OSCAR_SUBJECT))
                .body("[1].event.data.campaignId", equalTo(campaign));
    }

    @Test
    void theDatabaseRefusesChangesToTheLog() {
        String subject = UUID.randomUUID().toString();
        KafkaEvents.publish(
                "tiergate.identity",
                "identity-service",
                "tiergate.identity.verification.verified",
                subject,
                1,
                "{\"status\":\"VERIFIED\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> typesOf(subject).size() == 1);
        for (String sql : List.of(
                "UPDATE audit_entry SET type = 'forged' WHERE subject = ?1",
                "DELETE FROM audit_entry WHERE subject = ?1",
                "UPDATE merkle_node SET hash = hash WHERE level = 0 AND node_index = 0")) {
            assertThrows(
                    RuntimeException.class,
                    () -> QuarkusTransaction.requiringNew().run(() -> {
                        var query = entityManager.createNativeQuery(sql);
                        if (sql.contains("?1")) {
                            query.setParameter(1, subject);
                        }
                        query.executeUpdate();
                    }),
                    sql);
        }
        assertThrows(
                RuntimeException.class,
                () -> QuarkusTransaction.requiringNew()
                        .run(() -> entityManager
                                .createNativeQuery("TRUNCATE checkpoint")
                                .executeUpdate()));
    }

    @Test
    void theServiceWritesAsARoleThatMayOnlyReadAndAppend() {
        String role = QuarkusTransaction.requiringNew().call(() ->
                (String) entityManager.createNativeQuery("SELECT current_user").getSingleResult());
        assertEquals("audit_writer", role);
        // Not the owner: it cannot switch the append-only triggers off.
        assertThrows(
                RuntimeException.class,
                () -> QuarkusTransaction.requiringNew()
                        .run(() -> entityManager
                                .createNativeQuery("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only")
                                .executeUpdate()));
    }

    @Test
    void onlyAuditorsAndPlatformAdminsReadTheLog() {
        List<String> paths = List.of(
                "/v1/events?subject=s",
                "/v1/checkpoints/latest",
                "/v1/checkpoints/1",
                "/v1/proofs/inclusion?index=0&treeSize=1",
                "/v1/proofs/consistency?from=1&to=1",
                "/v1/entries/0",
                "/v1/log-key",
                "/v1/log/verification",
                "/v1/exports");
        for (String path : paths) {
            given().when().get(path).then().statusCode(401);
            given().auth()
                    .oauth2(KeycloakTokens.user(KeycloakTokens.ALICE))
                    .when()
                    .get(path)
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(KeycloakTokens.user(KeycloakTokens.OLIVIA))
                    .when()
                    .get(path)
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(KeycloakTokens.gateway())
                    .when()
                    .get(path)
                    .then()
                    .statusCode(401);
        }
        given().auth()
                .oauth2(KeycloakTokens.user(KeycloakTokens.PAULA))
                .when()
                .get("/v1/log-key")
                .then()
                .statusCode(200);
    }

    @Test
    void badQueriesAreProblems() {
        String auditor = KeycloakTokens.user(KeycloakTokens.AUDREY);
        for (String path : List.of(
                "/v1/events?limit=lots",
                "/v1/events?limit=0",
                "/v1/events?cursor=***",
                "/v1/events?cursor=bm9wZQ",
                "/v1/events?since=yesterday",
                "/v1/checkpoints/-1",
                "/v1/proofs/inclusion?index=0&treeSize=-5",
                "/v1/proofs/inclusion?index=0&treeSize=99999999999",
                "/v1/proofs/inclusion?treeSize=1",
                "/v1/proofs/consistency?from=5&to=2",
                "/v1/proofs/consistency?from=0&to=1",
                "/v1/exports?from=5&to=2")) {
            given().auth()
                    .oauth2(auditor)
                    .urlEncodingEnabled(false)
                    .when()
                    .get(path)
                    .then()
                    .statusCode(400)
                    .contentType(containsString("application/problem+json"))
                    .body("code", notNullValue());
        }
    }
}
