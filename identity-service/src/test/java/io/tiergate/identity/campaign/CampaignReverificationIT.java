package io.tiergate.identity.campaign;

import static io.restassured.RestAssured.given;
import static io.tiergate.commons.testing.KeycloakTokens.CAROL;
import static io.tiergate.commons.testing.KeycloakTokens.CAROL_SUBJECT;
import static io.tiergate.commons.testing.KeycloakTokens.OLIVIA_SUBJECT;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tiergate.commons.testing.CampaignFixtures;
import io.tiergate.commons.testing.EventSchemas;
import io.tiergate.commons.testing.KafkaEvents;
import io.tiergate.commons.testing.KeycloakTokens;
import io.tiergate.identity.verification.CaseTransition;
import io.tiergate.identity.verification.IdentityEvents;
import io.tiergate.identity.verification.VerificationCase;
import io.tiergate.identity.verification.VerificationStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Plays campaign-service on the real test Kafka: an officer's confirmation revokes the customer's verification once,
 * announced as a revocation with reason CAMPAIGN_CONFIRMED, and the customer can verify again.
 */
@QuarkusTest
class CampaignReverificationIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static String verifyCarol() {
        return given().auth()
                .oauth2(KeycloakTokens.user(CAROL))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "givenName",
                        "Carol",
                        "familyName",
                        "Campbell",
                        "dateOfBirth",
                        "1988-02-03",
                        "nationalities",
                        List.of("US"),
                        "residenceCountry",
                        "US"))
                .when()
                .post("/v1/verifications")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static VerificationStatus statusOf(String caseId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> VerificationCase.<VerificationCase>findById(UUID.fromString(caseId)).status);
    }

    @Test
    void aConfirmedCampaignRevokesTheVerificationOnceAndTheCustomerVerifiesAgain() {
        String caseId = verifyCarol();
        assertEquals(VerificationStatus.VERIFIED, statusOf(caseId));
        String campaign = UUID.randomUUID().toString();

        CampaignFixtures.contained(CAROL_SUBJECT, campaign, "STEP_UP"); // containment alone changes no verification
        String confirmed = CampaignFixtures.event(
                UUID.randomUUID().toString(),
                CampaignFixtures.ACCOUNT_CONFIRMED,
                CAROL_SUBJECT,
                CampaignFixtures.confirmedData(campaign, OLIVIA_SUBJECT, "coordinated extraction"));
        KafkaEvents.publishRaw(CampaignFixtures.TOPIC, CAROL_SUBJECT, confirmed);
        KafkaEvents.publishRaw(CampaignFixtures.TOPIC, CAROL_SUBJECT, confirmed); // a redelivery of the same event id

        await().atMost(WAIT).until(() -> statusOf(caseId) == VerificationStatus.REVOKED);
        List<CaseTransition> revocations = QuarkusTransaction.requiringNew()
                .call(() -> CaseTransition.of(UUID.fromString(caseId)).stream()
                        .filter(t -> t.to == VerificationStatus.REVOKED)
                        .toList());
        assertEquals(1, revocations.size(), "revoked exactly once");
        assertEquals(OLIVIA_SUBJECT, revocations.get(0).actor, "the confirming officer is the actor");

        var revoked = KafkaEvents.await(
                IdentityEvents.TOPIC,
                r -> r.value().contains(caseId) && r.value().contains(IdentityEvents.REVOKED),
                WAIT);
        assertTrue(revoked.isPresent(), "the revocation is announced through the outbox");
        var event = EventSchemas.assertValid(revoked.get().value());
        assertEquals("REVOKED", event.path("data").path("status").asText());
        assertEquals(
                CampaignReverification.CAMPAIGN_CONFIRMED,
                event.path("data").path("reasons").path(0).path("code").asText());
        assertTrue(!revoked.get().value().contains("Campbell"), "no names in events");

        String again = verifyCarol();
        assertEquals(VerificationStatus.VERIFIED, statusOf(again), "re-verification is a new submission");
    }
}
