package io.tiergate.entitlement.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tiergate.commons.testing.CampaignFixtures;
import io.tiergate.commons.testing.EventSchemas;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The campaign contract this service consumes, as docs/events/campaign/ writes it down; no Kafka. */
class CampaignEventSchemasTest {

    private static final String CAMPAIGN = UUID.randomUUID().toString();

    private static boolean valid(String type, String dataJson) {
        return EventSchemas.errors(EventSchemas.dataSchemaOf(type), EventSchemas.parse(dataJson))
                .isEmpty();
    }

    @Test
    void everyTypeThisServiceReadsIsDocumented() {
        for (String type : List.of(
                ContainedAccounts.ACCOUNT_CONTAINED,
                ContainedAccounts.ACCOUNT_RELEASED,
                ContainedAccounts.ACCOUNT_CONFIRMED,
                "tiergate.campaign.detected",
                "tiergate.campaign.confirmed",
                "tiergate.campaign.dismissed")) {
            EventSchemas.dataSchemaOf(type);
        }
        assertEquals(CampaignFixtures.TOPIC, ownProperty("tiergate.topics.campaign"));
    }

    @Test
    void theFixturesMatchTheContract() {
        for (ContainmentLevel level : ContainmentLevel.values()) {
            EventSchemas.assertValidData(
                    ContainedAccounts.ACCOUNT_CONTAINED, CampaignFixtures.containedData(CAMPAIGN, level.name(), 0.5));
        }
        EventSchemas.assertValidData(ContainedAccounts.ACCOUNT_RELEASED, CampaignFixtures.releasedData(CAMPAIGN, "r"));
        EventSchemas.assertValidData(
                ContainedAccounts.ACCOUNT_CONFIRMED, CampaignFixtures.confirmedData(CAMPAIGN, "officer-sub", "r"));
        EventSchemas.assertValidData(
                "tiergate.campaign.detected", "{\"campaignId\":\"" + CAMPAIGN + "\",\"score\":0.91,\"accounts\":25}");
        EventSchemas.assertValidData(
                "tiergate.campaign.dismissed",
                "{\"campaignId\":\"" + CAMPAIGN + "\",\"officer\":\"o\",\"reason\":\"a hackathon\",\"accounts\":25}");
    }

    @Test
    void theContractRefusesWhatNoProducerMaySay() {
        String contained = ContainedAccounts.ACCOUNT_CONTAINED;
        assertFalse(valid(contained, CampaignFixtures.containedData(CAMPAIGN, "QUARANTINE", 0.5)), "unknown level");
        assertFalse(valid(contained, CampaignFixtures.containedData(CAMPAIGN, "DENY", 1.5)), "score above 1");
        assertFalse(
                valid(contained, "{\"campaignId\":\"" + CAMPAIGN + "\",\"level\":\"DENY\",\"score\":0.5}"),
                "flaggedAt missing");
        assertFalse(
                valid(
                        ContainedAccounts.ACCOUNT_RELEASED,
                        "{\"campaignId\":\"" + CAMPAIGN + "\",\"reason\":\"r\",\"email\":\"x@example.org\"}"),
                "unknown field");
        assertFalse(
                valid(ContainedAccounts.ACCOUNT_CONFIRMED, "{\"campaignId\":\"" + CAMPAIGN + "\",\"reason\":\"r\"}"),
                "officer missing");
        assertFalse(
                valid(
                        "tiergate.campaign.detected",
                        "{\"campaignId\":\"" + CAMPAIGN + "\",\"score\":0.9,\"accounts\":2.5}"),
                "accounts not an integer");
    }

    /** The service's own setting, as application.properties holds it. */
    private static String ownProperty(String key) {
        try (var in = CampaignEventSchemasTest.class.getResourceAsStream("/application.properties")) {
            var properties = new java.util.Properties();
            properties.load(in);
            return properties.getProperty(key);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
