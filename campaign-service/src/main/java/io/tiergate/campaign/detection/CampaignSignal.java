package io.tiergate.campaign.detection;

import java.util.List;

/** Members a family group flagged on a verdict, for the campaign store: who, with which score, at which event time. */
public record CampaignSignal(
        String campaignKey,
        String family,
        List<String> families,
        double score,
        CampaignEvidence evidence,
        long flaggedAt,
        List<Flagged> flagged) {

    /**
     * A flagged account with what linked it (its network, AS number and user agent at the time, and its identity
     * cluster if identity-service linked it to others).
     */
    public record Flagged(
            String accountId,
            double score,
            long firstSeen,
            long lastSeen,
            String ipPrefix,
            String asn,
            String userAgent,
            String orgId,
            String identityCluster) {}
}
