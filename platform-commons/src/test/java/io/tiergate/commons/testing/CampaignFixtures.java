package io.tiergate.commons.testing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plays campaign-service on the real test Kafka: its account events on {@code tiergate.campaign}, each checked against
 * campaign-service's schema before it is published, so that a consumer's fixture cannot say what the producer never
 * could.
 */
public final class CampaignFixtures {

    public static final String TOPIC = "tiergate.campaign";
    public static final String SOURCE = "campaign-service";
    public static final String ACCOUNT_CONTAINED = "tiergate.campaign.account.contained";
    public static final String ACCOUNT_RELEASED = "tiergate.campaign.account.released";
    public static final String ACCOUNT_CONFIRMED = "tiergate.campaign.account.confirmed";

    // versions only grow, across tests and runs against the same broker
    private static final AtomicLong VERSION = new AtomicLong(System.currentTimeMillis());

    private CampaignFixtures() {}

    public static String containedData(String campaignId, String level, double score) {
        return "{\"campaignId\":\"" + campaignId + "\",\"level\":\"" + level + "\",\"score\":"
                + String.format(Locale.ROOT, "%.3f", score) + ",\"flaggedAt\":\""
                + OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5) + "\"}";
    }

    public static String releasedData(String campaignId, String reason) {
        return "{\"campaignId\":\"" + campaignId + "\",\"reason\":\"" + reason + "\"}";
    }

    public static String confirmedData(String campaignId, String officer, String reason) {
        return "{\"campaignId\":\"" + campaignId + "\",\"officer\":\"" + officer + "\",\"reason\":\"" + reason + "\"}";
    }

    /** Publishes {@code account.contained}; returns the event id. */
    public static String contained(String account, String campaignId, String level) {
        return publish(ACCOUNT_CONTAINED, account, containedData(campaignId, level, 0.93));
    }

    public static String released(String account, String campaignId) {
        return publish(ACCOUNT_RELEASED, account, releasedData(campaignId, "an officer dismissed the campaign"));
    }

    public static String confirmed(String account, String campaignId, String officer) {
        return publish(
                ACCOUNT_CONFIRMED, account, confirmedData(campaignId, officer, "coordinated extraction confirmed"));
    }

    /** The event as campaign-service writes it, envelope and data checked against the schemas. */
    public static String event(String id, String type, String account, String dataJson) {
        String event = KafkaEvents.cloudEvent(id, SOURCE, type, account, VERSION.incrementAndGet(), dataJson);
        EventSchemas.assertValid(event);
        return event;
    }

    public static String publish(String type, String account, String dataJson) {
        String id = java.util.UUID.randomUUID().toString();
        KafkaEvents.publishRaw(TOPIC, account, event(id, type, account, dataJson));
        return id;
    }
}
