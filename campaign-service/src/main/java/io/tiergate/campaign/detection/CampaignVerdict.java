package io.tiergate.campaign.detection;

import java.util.List;

/**
 * The linker's judgement of a connected set of family groups (a campaign candidate), sent back to each of its
 * family groups, which flag their members when the score crosses the threshold.
 *
 * @param campaignKey the component's smallest family key: stable while the component only grows
 * @param maxTs       the latest event time of any evidence used: a flag raised on it is raised at that time
 */
public record CampaignVerdict(
        String family,
        String campaignKey,
        double score,
        long maxTs,
        List<String> families,
        CampaignEvidence evidence) {}
