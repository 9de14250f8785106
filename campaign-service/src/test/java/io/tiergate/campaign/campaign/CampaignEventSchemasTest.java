package io.tiergate.campaign.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tiergate.commons.testing.EventSchemas;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What campaign-service publishes on tiergate.campaign, as its records serialize, against the schemas in
 * docs/events/campaign/: the producer's side of the contract (the consumers check their fixtures against the same).
 */
class CampaignEventSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CAMPAIGN = UUID.randomUUID().toString();

    private static JsonNode valid(String type, Object data) {
        JsonNode json = JSON.valueToTree(data);
        EventSchemas.assertValidData(type, json);
        return json;
    }

    private static List<String> errors(String type, JsonNode data) {
        return EventSchemas.errors(EventSchemas.dataSchemaOf(type), data);
    }

    @Test
    void everyTypeCampaignServicePublishesMatchesItsSchema() {
        valid(CampaignEvents.DETECTED, new CampaignEvents.Detected(CAMPAIGN, 0.93, 214));
        valid(CampaignEvents.CONFIRMED, new CampaignEvents.Decided(CAMPAIGN, "officer-sub", "a curriculum", 214));
        valid(CampaignEvents.DISMISSED, new CampaignEvents.Decided(CAMPAIGN, "officer-sub", "a hackathon", 12));
        for (ContainmentLevel level : ContainmentLevel.values()) {
            valid(
                    CampaignEvents.ACCOUNT_CONTAINED,
                    CampaignEvents.AccountContained.of(
                            CAMPAIGN,
                            level,
                            0.71,
                            OffsetDateTime.of(2026, 10, 5, 14, 3, 9, 42_000_000, ZoneOffset.UTC)));
        }
        valid(CampaignEvents.ACCOUNT_RELEASED, new CampaignEvents.AccountReleased(CAMPAIGN, "dismissed"));
        valid(CampaignEvents.ACCOUNT_CONFIRMED, new CampaignEvents.AccountConfirmed(CAMPAIGN, "officer-sub", "shared"));
    }

    @Test
    void aFlagOnTheMinuteStillCarriesItsSeconds() {
        // OffsetDateTime.toString writes 2026-10-05T14:03Z here, which is not an RFC 3339 date-time
        CampaignEvents.AccountContained contained = CampaignEvents.AccountContained.of(
                CAMPAIGN,
                ContainmentLevel.DENY,
                0.9,
                OffsetDateTime.of(2026, 10, 5, 14, 3, 0, 0, ZoneOffset.ofHours(2)));

        assertEquals("2026-10-05T12:03:00Z", contained.flaggedAt());
    }

    @Test
    void theSchemasRefuseWhatNoConsumerExpects() {
        ObjectNode contained = (ObjectNode) valid(
                CampaignEvents.ACCOUNT_CONTAINED,
                CampaignEvents.AccountContained.of(
                        CAMPAIGN, ContainmentLevel.THROTTLE, 0.55, OffsetDateTime.now(ZoneOffset.UTC)));

        assertFalse(
                errors(CampaignEvents.ACCOUNT_CONTAINED, contained.deepCopy().put("level", "BAN"))
                        .isEmpty());
        assertFalse(
                errors(CampaignEvents.ACCOUNT_CONTAINED, contained.deepCopy().put("score", 1.5))
                        .isEmpty());
        assertFalse(
                errors(CampaignEvents.ACCOUNT_CONTAINED, contained.deepCopy().put("ipAddress", "203.0.113.9"))
                        .isEmpty(),
                "no personal data beyond the contract");
        assertFalse(
                errors(CampaignEvents.ACCOUNT_CONTAINED, contained.deepCopy().without("campaignId"))
                        .isEmpty());
    }
}
