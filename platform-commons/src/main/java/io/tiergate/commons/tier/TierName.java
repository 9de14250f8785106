package io.tiergate.commons.tier;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The access tiers, the one list the others are checked against: tier-service's {@code Tier} enum, its
 * {@code tiers/tier-requirements.json}, the Keycloak realm's {@code tier-<tier>} groups
 * ({@code deploy/keycloak/tiergate-realm.json}) and the tiers a policy document may name.
 *
 * <p>Declared in <b>precedence order, the most privileged first</b>: GOVERNMENT, RESEARCH, ENTERPRISE, PUBLIC (the
 * reverse of tier-service's broadest-to-most-restricted {@code Tier}). When a subject holds several of the tiers an
 * entitlement names, the decision is made by the first of them in this order, and an {@code ORGANIZATION} budget is
 * charged to the organization whose grant gave that tier: the grant that carries the most privileged access pays
 * for it, never the alphabet.
 */
public enum TierName {
    GOVERNMENT,
    RESEARCH,
    ENTERPRISE,
    PUBLIC;

    /** The tier names in precedence order, the most privileged first. */
    public static final List<String> NAMES =
            Arrays.stream(values()).map(Enum::name).toList();

    /**
     * Orders tier names by precedence, the most privileged first; a name outside this list (an event from a newer
     * producer) comes after every known one, alphabetically among its like, so that the order is total.
     */
    public static final Comparator<String> PRECEDENCE =
            Comparator.comparingInt(TierName::rank).thenComparing(Comparator.naturalOrder());

    /** Whether {@code name} is one of the tiers (exact, upper case). */
    public static boolean isKnown(String name) {
        return name != null && NAMES.contains(name);
    }

    private static int rank(String name) {
        int index = NAMES.indexOf(name);
        return index < 0 ? NAMES.size() : index;
    }
}
