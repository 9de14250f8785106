package io.tiergate.campaign.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupEvidenceTest {

    static final String FAMILY = PromptFamilies.key(PromptFamilies.family(0x1a2b, 0));

    /** A member working one family, eliciting reasoning in half its prompts, alone on its network and device. */
    private static GroupMember member(int i, String identityCluster) {
        MemberDelta d = new MemberDelta(
                FAMILY,
                "account-" + i,
                1_000,
                10,
                5,
                12,
                6,
                new String[] {FAMILY},
                // registered weeks apart: no burst
                i * 30L * 86_400_000L,
                0,
                null,
                "198.51." + i + ".0/24",
                "645" + i,
                "device-" + i,
                "card-" + i,
                "agent/" + i,
                identityCluster);
        return new GroupMember(d, 0);
    }

    private static List<GroupMember> group(int n, java.util.function.IntFunction<String> cluster) {
        List<GroupMember> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            members.add(member(i, cluster.apply(i)));
        }
        return members;
    }

    @Test
    void theShareOfMembersInAClusterWithAnotherIsCounted() {
        // four clusters of five, and ten accounts each in a cluster of its own (linked to accounts outside the group)
        List<GroupMember> members = group(30, i -> i < 20 ? "cluster-" + (i % 4) : "alone-" + i);
        FamilySummary s = GroupEvidence.summarize(FAMILY, members, 1_000);
        assertEquals(20.0 / 30, s.identityShare(), 1e-9);
        assertEquals(
                0, GroupEvidence.summarize(FAMILY, group(30, i -> null), 1_000).identityShare());
    }

    @Test
    void sharedIdentitiesAreCoordinationAndNeedIntentToScore() {
        FamilySummary linked = GroupEvidence.summarize(FAMILY, group(30, i -> "cluster-" + (i % 3)), 1_000);
        FamilySummary unlinked = GroupEvidence.summarize(FAMILY, group(30, i -> null), 1_000);
        CampaignEvidence withIdentities = GroupEvidence.score(List.of(linked));
        CampaignEvidence without = GroupEvidence.score(List.of(unlinked));
        assertEquals(1.0, withIdentities.identityShare());
        assertTrue(withIdentities.coordination() > 0.9, "coordination " + withIdentities.coordination());
        assertTrue(withIdentities.score() >= 0.5, "score " + withIdentities.score());
        assertEquals(0, without.identityShare());
        assertTrue(without.score() < 0.5, "score without shared identities " + without.score());
    }
}
