package io.tiergate.entitlement.projection;

import io.tiergate.commons.tier.TierName;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

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
        Map<String, String> grants = sharedValues(activeGrants);
        return new SubjectState(
                subject,
                shared(identityStatus),
                sharedSet(nationalities),
                shared(residenceCountry),
                verifiedAt,
                grants,
                grantOrganizations,
                sharedKeys(appliedVersions),
                TIER_SETS.computeIfAbsent(
                        Set.copyOf(grants.values()), tiers -> Collections.unmodifiableSortedSet(byPrecedence(tiers))),
                position.toString());
    }

    // Every subject is in memory (issue 17: idle RSS with 100,000 subjects). The few values many subjects share
    // (statuses, countries, tier names, sources, the tier sets) are held once, not once per subject as read.
    private static final Map<Set<String>, SortedSet<String>> TIER_SETS = new ConcurrentHashMap<>();

    private static String shared(String value) {
        return value == null ? null : value.intern();
    }

    private static Set<String> sharedSet(Set<String> values) {
        return values.stream().map(String::intern).collect(Collectors.toUnmodifiableSet());
    }

    private static Map<String, String> sharedValues(Map<String, String> map) {
        Map<String, String> copy = new HashMap<>(map.size() * 2);
        map.forEach((key, value) -> copy.put(key, value.intern()));
        return Map.copyOf(copy);
    }

    private static Map<String, Long> sharedKeys(Map<String, Long> map) {
        Map<String, Long> copy = new HashMap<>(map.size() * 2);
        map.forEach((key, value) -> copy.put(key.intern(), value));
        return Map.copyOf(copy);
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
