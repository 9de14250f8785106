package io.tiergate.entitlement.campaign;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.tiergate.commons.testing.CampaignFixtures;
import io.tiergate.entitlement.decision.Reason;
import io.tiergate.entitlement.support.Subjects;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plays campaign-service on the real test Kafka: a contained account is denied CAMPAIGN_CONTAINED once the event
 * arrives, and allowed again once the campaign is dismissed. How soon (the 1 s goal) is measured by the benchmark's
 * containment phase, not here: a timed test on two shared cores fails on the machine, not on the code.
 */
@QuarkusTest
class CampaignContainmentIT {

    private static final String CHAT = "fable-5:chat";
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @Inject
    ContainedAccounts contained;

    @BeforeEach
    void consumerHasJoined() {
        // the instance's own consumer group joins once after start
        String warmUp = UUID.randomUUID().toString();
        CampaignFixtures.contained(warmUp, UUID.randomUUID().toString(), "DENY");
        await().atMost(Duration.ofSeconds(60)).until(() -> contained.of(warmUp) != null);
    }

    private static String verdict(Subjects.Subject subject) {
        return Subjects.decide(subject, CHAT, null, null).extract().path("decision");
    }

    private static List<String> reasons(Subjects.Subject subject) {
        return Subjects.decide(subject, CHAT, null, null).extract().path("reasons.code");
    }

    @Test
    void anAllowedSubjectIsDeniedOnContainmentAndAllowedAgainOnRelease() {
        Subjects.Subject subject = Subjects.verified("US", "RESEARCH");
        Subjects.decide(subject, CHAT, null, null)
                .body("decision", equalTo("ALLOW"))
                .body("reasons.code", not(hasItem(Reason.CAMPAIGN_CONTAINED)));
        String campaign = UUID.randomUUID().toString();

        CampaignFixtures.contained(subject.id(), campaign, "DENY");
        await().atMost(DELIVERY).pollInterval(Duration.ofMillis(25)).until(() -> "DENY".equals(verdict(subject)));
        Subjects.decide(subject, CHAT, null, null)
                .body("decision", equalTo("DENY"))
                .body("reasons[0].code", equalTo(Reason.CAMPAIGN_CONTAINED));

        CampaignFixtures.released(subject.id(), campaign);
        await().atMost(DELIVERY).pollInterval(Duration.ofMillis(25)).until(() -> "ALLOW".equals(verdict(subject)));
        assertTrue(!reasons(subject).contains(Reason.CAMPAIGN_CONTAINED));
    }

    @Test
    void stepUpDeniesWithAnObligationAndThrottleAllowsWithOne() {
        Subjects.Subject stepUp = Subjects.verified("US", "RESEARCH");
        Subjects.Subject throttled = Subjects.verified("US", "RESEARCH");
        String campaign = UUID.randomUUID().toString();
        CampaignFixtures.contained(stepUp.id(), campaign, "STEP_UP");
        CampaignFixtures.contained(throttled.id(), campaign, "THROTTLE");
        await().atMost(DELIVERY).until(() -> contained.of(stepUp.id()) != null && contained.of(throttled.id()) != null);

        Subjects.decide(stepUp, CHAT, null, null)
                .body("decision", equalTo("DENY"))
                .body("reasons[0].code", equalTo(Reason.CAMPAIGN_CONTAINED))
                .body("obligations", hasItem(ContainmentLevel.STEP_UP_OBLIGATION));
        Subjects.decide(throttled, CHAT, null, null)
                .body("decision", equalTo("ALLOW"))
                .body("reasons.code", hasItem(Reason.ENTITLED))
                .body("reasons.code", hasItem(Reason.CAMPAIGN_CONTAINED))
                .body("obligations", hasItem(ContainmentLevel.THROTTLE_OBLIGATION));

        // an officer confirms: the account stays contained
        CampaignFixtures.confirmed(stepUp.id(), campaign, "22222222-2222-4222-8222-000000000001");
        CampaignFixtures.released(throttled.id(), campaign);
        await().atMost(DELIVERY).until(() -> contained.of(throttled.id()) == null);
        assertEquals(ContainmentLevel.STEP_UP, contained.of(stepUp.id()).level());
    }
}
