package io.tiergate.campaign.detection;

import java.util.List;

/**
 * A family group as the linker sees it: its members' aggregate evidence and the other families its members work.
 *
 * @param focus        median share of its members' traffic this family holds
 * @param linked       families at least two members also work, with how many members work each
 * @param breadth      median number of linked families a member works (itself included)
 * @param identityShare share of members in an identity cluster (identity-service's duplicate identities) with another
 * @param burstShare   share of members registered within six hours of at least four others
 */
public record FamilySummary(
        String family,
        int members,
        long maxTs,
        double focus,
        long prompts,
        long cotPrompts,
        List<Linked> linked,
        double breadth,
        double deviceShare,
        double paymentShare,
        double identityShare,
        double prefixShare,
        double burstShare,
        double organizationShare,
        List<String> prefixes,
        List<String> asns,
        List<String> userAgents) {

    public record Linked(String family, int members) {}
}
