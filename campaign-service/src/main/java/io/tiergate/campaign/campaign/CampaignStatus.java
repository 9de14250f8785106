package io.tiergate.campaign.campaign;

/** Where a campaign stands: found, contained pending an officer, confirmed or dismissed by one, or merged into another. */
public enum CampaignStatus {
    OPEN,
    CONTAINED,
    CONFIRMED,
    DISMISSED,
    MERGED;

    /** Still waiting for an officer: new evidence and members may join it. */
    public boolean pending() {
        return this == OPEN || this == CONTAINED;
    }
}
