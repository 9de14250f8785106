package io.tiergate.entitlement.events;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tiergate.commons.testing.CampaignFixtures;
import io.tiergate.commons.testing.KafkaEvents;
import io.tiergate.entitlement.campaign.ContainedAccounts;
import io.tiergate.entitlement.decision.DecisionResourceIT;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A deployment that names topics of its own (the decision benchmark's service does) writes its decision log there,
 * not to the platform's tiergate.decisions that audit-service reads, and takes containment from its own campaign
 * topic, not from the platform's.
 */
@QuarkusTest
@TestProfile(TopicsOfItsOwnIT.OwnTopics.class)
class TopicsOfItsOwnIT {

    static final String DECISIONS = "tiergate.own-topics-it.decisions";
    static final String CAMPAIGN = "tiergate.own-topics-it.campaign";

    public static class OwnTopics implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "tiergate.topics.decisions",
                    DECISIONS,
                    "tiergate.topics.usage",
                    "tiergate.own-topics-it.usage",
                    "tiergate.topics.entitlement",
                    "tiergate.own-topics-it.entitlement",
                    "tiergate.topics.campaign",
                    CAMPAIGN);
        }
    }

    @Inject
    ContainedAccounts contained;

    @Test
    void theDecisionLogGoesToTheOwnTopicOnly() {
        String subject = UUID.randomUUID().toString();
        String decisionId = DecisionResourceIT.decide(subject, "mythos-5:chat", "US", null)
                .extract()
                .path("decisionId");

        var own = KafkaEvents.await(DECISIONS, r -> r.value().contains(decisionId), Duration.ofSeconds(40));
        assertTrue(own.isPresent(), "the DENY is logged on the deployment's own topic");
        assertEquals(subject, own.get().key());
        // it is on the own topic already, so it would be on the platform's by now had it gone there too
        assertTrue(
                KafkaEvents.await("tiergate.decisions", r -> r.value().contains(decisionId), Duration.ofSeconds(5))
                        .isEmpty(),
                "the platform's decision log never sees it");
    }

    @Test
    void containmentIsReadFromTheOwnCampaignTopicOnly() {
        String onPlatformTopic = UUID.randomUUID().toString();
        String onOwnTopic = UUID.randomUUID().toString();
        CampaignFixtures.contained(onPlatformTopic, UUID.randomUUID().toString(), "DENY");
        KafkaEvents.publishRaw(
                CAMPAIGN,
                onOwnTopic,
                CampaignFixtures.event(
                        UUID.randomUUID().toString(),
                        CampaignFixtures.ACCOUNT_CONTAINED,
                        onOwnTopic,
                        CampaignFixtures.containedData(UUID.randomUUID().toString(), "DENY", 0.9)));

        await().atMost(Duration.ofSeconds(60)).until(() -> contained.of(onOwnTopic) != null);
        // both were published before the wait, and the consumer reads its topic from the beginning
        assertNull(contained.of(onPlatformTopic), "the platform's containment is not this deployment's");
    }
}
