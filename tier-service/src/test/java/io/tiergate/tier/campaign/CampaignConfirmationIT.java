package io.tiergate.tier.campaign;

import static io.tiergate.commons.testing.KeycloakTokens.AUDREY;
import static io.tiergate.commons.testing.KeycloakTokens.OLIVIA_SUBJECT;
import static io.tiergate.tier.TierFixtures.effectiveTiers;
import static io.tiergate.tier.TierFixtures.get;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.tiergate.commons.testing.CampaignFixtures;
import io.tiergate.commons.testing.EventSchemas;
import io.tiergate.commons.testing.KafkaEvents;
import io.tiergate.tier.TierFixtures;
import io.tiergate.tier.grant.TierEvents;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Plays campaign-service on the real test Kafka: an officer's confirmation suspends the account's grants once. */
@QuarkusTest
class CampaignConfirmationIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    static String statusOf(String grant) {
        return get(AUDREY, "/v1/grants/" + grant).statusCode(200).extract().path("status");
    }

    @Test
    void aConfirmedCampaignSuspendsTheAccountsGrantsOnceEvenWhenRedelivered() {
        String subject = TierFixtures.verifiedPerson("US");
        await().atMost(WAIT).until(() -> !effectiveTiers(AUDREY, subject).isEmpty());
        String grant = (String) effectiveTiers(AUDREY, subject).get(0).get("grantId");
        String campaign = UUID.randomUUID().toString();

        // containment alone is entitlement-service's business: the grant stays as it is
        CampaignFixtures.contained(subject, campaign, "DENY");
        String confirmed = CampaignFixtures.event(
                UUID.randomUUID().toString(),
                CampaignFixtures.ACCOUNT_CONFIRMED,
                subject,
                CampaignFixtures.confirmedData(campaign, OLIVIA_SUBJECT, "coordinated extraction confirmed"));
        KafkaEvents.publishRaw(CampaignFixtures.TOPIC, subject, confirmed);
        KafkaEvents.publishRaw(CampaignFixtures.TOPIC, subject, confirmed); // a redelivery of the same event id

        await().atMost(WAIT).until(() -> "SUSPENDED".equals(statusOf(grant)));
        get(AUDREY, "/v1/grants/" + grant).body("suspensionCause", equalTo(CampaignEventsConsumer.CAUSE));
        assertTrue(effectiveTiers(AUDREY, subject).isEmpty());
        List<String> actions = get(AUDREY, "/v1/grants/" + grant + "/history")
                .statusCode(200)
                .extract()
                .path("action");
        assertEquals(List.of("GRANTED", "SUSPENDED"), actions, "suspended exactly once");

        var suspended = KafkaEvents.await(
                TierEvents.TOPIC, r -> r.value().contains(grant) && r.value().contains(TierEvents.SUSPENDED), WAIT);
        assertTrue(suspended.isPresent(), "the suspension is announced as a tier event");
        var event = EventSchemas.assertValid(suspended.get().value());
        assertEquals(
                CampaignEventsConsumer.CAUSE, event.path("data").path("cause").asText());
        var effective = KafkaEvents.await(
                TierEvents.TOPIC,
                r -> subject.equals(r.key())
                        && r.value().contains(TierEvents.EFFECTIVE_CHANGED)
                        && r.value().contains("\"tiers\":[]"),
                WAIT);
        assertTrue(effective.isPresent(), "the person's effective tiers are announced empty");
        EventSchemas.assertValid(effective.get().value());
    }
}
