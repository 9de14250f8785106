package io.tiergate.campaign.detection;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which members of a judged family group are flagged: the elicitation checks on the member and on the family. */
class GroupStageTest {

    private static final String SYSTEM_PROMPT = "10001";
    private static final String TEMPLATE = "10002";
    private static final String OTHER_TEMPLATE = "10003";

    /**
     * A campaign whose prompts, all counted, elicit reasoning at 18% (the system prompt's family, large and plain,
     * dilutes it) while its median family elicits it at 40%.
     */
    private static FamilyGroup judged(String family, double familyOwnCotRate) {
        CampaignEvidence evidence = new CampaignEvidence(
                0.9, 60, 3, 2, 0.4, 0.18, 0.4, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, List.of(), List.of(), List.of());
        FamilyGroup g = new FamilyGroup();
        g.family = family;
        g.cotRate = familyOwnCotRate;
        g.verdict = 0.9;
        g.latest = new CampaignVerdict(
                family, SYSTEM_PROMPT, 0.9, 0, List.of(SYSTEM_PROMPT, TEMPLATE, OTHER_TEMPLATE), evidence);
        return g;
    }

    private static MemberDelta member(String family, int inFamily, int requests, int cots) {
        return new MemberDelta(
                family,
                "account-1",
                0,
                inFamily,
                cots,
                requests,
                cots,
                new String[] {family},
                0,
                0,
                null,
                "203.0.113.0/24",
                "64500",
                null,
                null,
                "agent/1.0",
                null);
    }

    @Test
    void aMemberWhoElicitsReasoningIsFlaggedThroughATemplateThatDoes() {
        assertTrue(GroupStage.worksCampaign(judged(TEMPLATE, 0.4), member(TEMPLATE, 6, 10, 4)));
    }

    @Test
    void noMemberIsFlaggedThroughAFamilyThatElicitsFarLessThanTheCampaign() {
        // the system prompt's family: the member's own rate would pass, the family's does not
        assertFalse(GroupStage.worksCampaign(judged(SYSTEM_PROMPT, 0.05), member(SYSTEM_PROMPT, 6, 10, 4)));
    }

    @Test
    void theCampaignsRateIsItsMedianFamilysWhenTheLargestFamilyDilutesItsPrompts() {
        // 1 in 10 prompts elicits (shrunk: 0.1): above 0.4 x 18%, below 0.4 x 40%
        assertFalse(GroupStage.worksCampaign(judged(TEMPLATE, 0.4), member(TEMPLATE, 6, 10, 1)));
    }

    @Test
    void aFamilyNotYetSummarisedDoesNotHoldItsMembersBack() {
        assertTrue(GroupStage.worksCampaign(judged(TEMPLATE, -1), member(TEMPLATE, 6, 10, 4)));
    }
}
