package io.tiergate.campaign.detection;

/**
 * A family group's own state (its members are stored apart, one entry each): how many, whether it became
 * commonplace, when it was last summarised for the linker, and the linker's latest verdict on its component.
 */
public class FamilyGroup {
    public String family;
    public int members;
    public boolean saturated;
    public long maxTs;
    public int summarizedMembers;
    public int deltasSinceSummary;
    public boolean candidate;
    /** The chain-of-thought elicitation rate of the family's own prompts at its last summary; -1 before one. */
    public double cotRate = -1;

    public double verdict;
    public long verdictTs;
    public CampaignVerdict latest;
}
