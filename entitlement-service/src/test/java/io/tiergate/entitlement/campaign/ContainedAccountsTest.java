package io.tiergate.entitlement.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tiergate.commons.event.CloudEvent;
import io.tiergate.commons.testing.CampaignFixtures;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Containment as campaign events build it, from events checked against campaign-service's schemas; no Kafka. */
class ContainedAccountsTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final String ACCOUNT = "11111111-1111-4111-8111-00000000c0de";
    private static final String OFFICER = "22222222-2222-4222-8222-000000000001";

    private final ContainedAccounts accounts = new ContainedAccounts();

    private static CloudEvent event(String type, String subject, String dataJson) {
        try {
            return JSON.readValue(
                    CampaignFixtures.event(UUID.randomUUID().toString(), type, subject, dataJson), CloudEvent.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void contained(String campaign, String level) {
        accounts.apply(event(
                CampaignFixtures.ACCOUNT_CONTAINED, ACCOUNT, CampaignFixtures.containedData(campaign, level, 0.9)));
    }

    private void released(String campaign) {
        accounts.apply(event(
                CampaignFixtures.ACCOUNT_RELEASED,
                ACCOUNT,
                CampaignFixtures.releasedData(campaign, "dismissed: a hackathon")));
    }

    private void confirmed(String campaign) {
        accounts.apply(event(
                CampaignFixtures.ACCOUNT_CONFIRMED,
                ACCOUNT,
                CampaignFixtures.confirmedData(campaign, OFFICER, "coordinated extraction")));
    }

    @Test
    void containedAddsAndReleasedRemoves() {
        String campaign = UUID.randomUUID().toString();
        assertNull(accounts.of(ACCOUNT));
        contained(campaign, "STEP_UP");
        Containment containment = accounts.of(ACCOUNT);
        assertEquals(ContainmentLevel.STEP_UP, containment.level());
        assertEquals(UUID.fromString(campaign), containment.campaignId());
        released(campaign);
        assertNull(accounts.of(ACCOUNT));
        assertEquals(0, accounts.size());
    }

    @Test
    void aNewLevelOfTheSameCampaignReplacesTheOld() {
        String campaign = UUID.randomUUID().toString();
        contained(campaign, "THROTTLE");
        contained(campaign, "DENY");
        assertEquals(ContainmentLevel.DENY, accounts.of(ACCOUNT).level());
        contained(campaign, "THROTTLE");
        assertEquals(ContainmentLevel.THROTTLE, accounts.of(ACCOUNT).level());
    }

    @Test
    void confirmedKeepsTheAccountContainedAtItsLevel() {
        String campaign = UUID.randomUUID().toString();
        contained(campaign, "THROTTLE");
        confirmed(campaign);
        assertEquals(ContainmentLevel.THROTTLE, accounts.of(ACCOUNT).level());
    }

    @Test
    void aConfirmationNeverSeenContainedDenies() {
        confirmed(UUID.randomUUID().toString());
        assertEquals(ContainmentLevel.DENY, accounts.of(ACCOUNT).level());
    }

    @Test
    void theStricterOfTwoCampaignsCountsAndOneReleaseLeavesTheOther() {
        String loud = UUID.randomUUID().toString();
        String stealthy = UUID.randomUUID().toString();
        contained(loud, "DENY");
        contained(stealthy, "THROTTLE");
        assertEquals(ContainmentLevel.DENY, accounts.of(ACCOUNT).level());
        assertEquals(UUID.fromString(loud), accounts.of(ACCOUNT).campaignId());
        released(loud);
        assertEquals(ContainmentLevel.THROTTLE, accounts.of(ACCOUNT).level());
        released(UUID.randomUUID().toString()); // a campaign that never held it
        assertEquals(
                Map.of(UUID.fromString(stealthy), ContainmentLevel.THROTTLE),
                accounts.of(ACCOUNT).campaigns());
        released(stealthy);
        assertNull(accounts.of(ACCOUNT));
    }

    @Test
    void aRedeliveryInOrderEndsWhereTheFirstDeliveryDid() {
        String campaign = UUID.randomUUID().toString();
        for (int delivery = 0; delivery < 2; delivery++) {
            contained(campaign, "DENY");
            released(campaign);
        }
        assertNull(accounts.of(ACCOUNT));
    }

    @Test
    void campaignLevelEventsAndUnreadableOnesContainNobody() {
        String campaign = UUID.randomUUID().toString();
        accounts.apply(event(
                "tiergate.campaign.detected",
                campaign,
                "{\"campaignId\":\"" + campaign + "\",\"score\":0.97,\"accounts\":40}"));
        accounts.apply(event(
                "tiergate.campaign.confirmed",
                campaign,
                "{\"campaignId\":\"" + campaign + "\",\"officer\":\"" + OFFICER
                        + "\",\"reason\":\"confirmed\",\"accounts\":40}"));
        accounts.apply(new CloudEvent(
                "1.0",
                UUID.randomUUID(),
                "campaign-service",
                CampaignFixtures.ACCOUNT_CONTAINED,
                ACCOUNT,
                null,
                "application/json",
                1L,
                JSON.createObjectNode().put("campaignId", "not-a-uuid")));
        assertEquals(0, accounts.size());
    }

    @Test
    void anUnknownLevelFailsClosed() {
        accounts.apply(new CloudEvent(
                "1.0",
                UUID.randomUUID(),
                "campaign-service",
                CampaignFixtures.ACCOUNT_CONTAINED,
                ACCOUNT,
                null,
                "application/json",
                1L,
                JSON.createObjectNode()
                        .put("campaignId", UUID.randomUUID().toString())
                        .put("level", "QUARANTINE")));
        assertEquals(ContainmentLevel.DENY, accounts.of(ACCOUNT).level());
    }
}
