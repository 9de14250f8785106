package io.tiergate.campaign.campaign;

/** The CloudEvent types campaign-service publishes on tiergate.campaign (schemas in docs/events/campaign/). */
public final class CampaignEvents {

    public static final String DETECTED = "tiergate.campaign.detected";
    public static final String CONFIRMED = "tiergate.campaign.confirmed";
    public static final String DISMISSED = "tiergate.campaign.dismissed";
    public static final String ACCOUNT_CONTAINED = "tiergate.campaign.account.contained";
    public static final String ACCOUNT_RELEASED = "tiergate.campaign.account.released";
    public static final String ACCOUNT_CONFIRMED = "tiergate.campaign.account.confirmed";

    public record Detected(String campaignId, double score, int accounts) {}

    public record Decided(String campaignId, String officer, String reason, int accounts) {}

    public record AccountContained(String campaignId, ContainmentLevel level, double score, String flaggedAt) {

        /** {@code flaggedAt} as RFC 3339 with seconds always written (OffsetDateTime.toString drops ":00"). */
        public static AccountContained of(
                String campaignId, ContainmentLevel level, double score, java.time.OffsetDateTime flaggedAt) {
            return new AccountContained(
                    campaignId, level, score, flaggedAt.toInstant().toString());
        }
    }

    public record AccountReleased(String campaignId, String reason) {}

    public record AccountConfirmed(String campaignId, String officer, String reason) {}

    private CampaignEvents() {}
}
