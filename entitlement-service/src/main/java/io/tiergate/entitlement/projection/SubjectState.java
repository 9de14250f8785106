package io.tiergate.entitlement.projection;

import io.tiergate.commons.tier.TierName;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the decision engine knows of one subject, immutable so that a decision reads one consistent
 * snapshot. {@code appliedVersions} holds the highest version applied per producing service;
 * {@code grantOrganizations} names, per active grant held through an organization, that organization.
 * {@code activeTiers} are in tier precedence ({@link TierName#PRECEDENCE}), the most privileged first.
 */
public record SubjectState(
        String subject,
        String identityStatus,
        Set<String> nationalities,
        String residenceCountry,
        OffsetDateTime verifiedAt,
        Map<String, String> activeGrants,
        Map<String, String> grantOrganizations,
        Map<String, Long> appliedVersions,
        SortedSet<String> activeTiers,
        String position) {

    public static final String VERIFIED = "VERIFIED";

    /**
     * A state with what every decision asks of it worked out once: its active tiers, and its projection position as
     * a consistency token a caller can hand back (empty when no event was applied).
     */
    public static SubjectState of(
            String subject,
            String identityStatus,
            Set<String> nationalities,
            String residenceCountry,
            OffsetDateTime verifiedAt,
            Map<String, String> activeGrants,
            Map<String, String> grantOrganizations,
            Map<String, Long> appliedVersions) {
        StringBuilder position = new StringBuilder();
        appliedVersions.forEach((source, version) -> {
            if (position.length() > 0) {
                position.append(',');
            }
            position.append(source).append(':').append(subject).append(':').append(version);
        });
        return new SubjectState(
                subject,
                identityStatus,
                nationalities,
                residenceCountry,
                verifiedAt,
                activeGrants,
                grantOrganizations,
                appliedVersions,
                Collections.unmodifiableSortedSet(byPrecedence(activeGrants.values())),
                position.toString());
    }

    public boolean isVerified() {
        return VERIFIED.equals(identityStatus);
    }

    /**
     * The tiers in precedence order, the most privileged first (GOVERNMENT, RESEARCH, ENTERPRISE, PUBLIC), not
     * alphabetically: {@link #tierAmong} takes the first, and that tier decides which organization an ORGANIZATION
     * budget charges. A subject holding RESEARCH through an institute and PUBLIC directly, under an entitlement for
     * both, is allowed as RESEARCH and charged to the institute (alphabetically PUBLIC would come first and charge
     * no organization at all).
     */
    private static TreeSet<String> byPrecedence(Collection<String> tiers) {
        TreeSet<String> ordered = new TreeSet<>(TierName.PRECEDENCE);
        ordered.addAll(tiers);
        return ordered;
    }

    /**
     * The first of the subject's active tiers in precedence order (the most privileged) that {@code granted} names,
     * or null: the tier a decision is made by and whose organization pays an ORGANIZATION budget.
     */
    public String tierAmong(Set<String> granted) {
        for (String tier : activeTiers) {
            if (granted.contains(tier)) {
                return tier;
            }
        }
        return null;
    }

    /** The organization through which the subject holds {@code tier}, or null when it is held directly only. */
    public String organizationFor(String tier) {
        String viaOrganization = null;
        for (Map.Entry<String, String> grant : activeGrants.entrySet()) {
            if (tier.equals(grant.getValue())) {
                String organization = grantOrganizations.get(grant.getKey());
                if (organization == null) {
                    return null;
                }
                viaOrganization = organization;
            }
        }
        return viaOrganization;
    }

    public long appliedVersion(String source) {
        return appliedVersions.getOrDefault(source, 0L);
    }

    /** True when this state has seen at least everything {@code other} has, from every source. */
    boolean dominates(SubjectState other) {
        return other.appliedVersions.entrySet().stream().allMatch(e -> appliedVersion(e.getKey()) >= e.getValue());
    }
}
