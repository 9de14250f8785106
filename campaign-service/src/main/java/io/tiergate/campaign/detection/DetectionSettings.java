package io.tiergate.campaign.detection;

/**
 * The detector's knobs. Defaults are the tuned values (docs/campaigns.md says why each is what it is).
 *
 * @param familySlots     prompt families remembered per account (Misra-Gries slots)
 * @param heavyCount      prompts of one family before the account counts as working it
 * @param maxMembers      members a family group tracks before it counts as commonplace (a popular system prompt)
 * @param minMembers      members before a family group is judged at all
 * @param minFocus        median share of its members' traffic a family must hold to be a campaign candidate
 * @param flagThreshold   campaign score from which its members are flagged
 */
public record DetectionSettings(
        int familySlots, int heavyCount, int maxMembers, int minMembers, double minFocus, double flagThreshold) {

    public static DetectionSettings defaults() {
        return new DetectionSettings(48, 3, 5000, 4, 0.03, 0.5);
    }
}
