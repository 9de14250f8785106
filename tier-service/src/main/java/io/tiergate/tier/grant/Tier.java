package io.tiergate.tier.grant;

/**
 * Access tiers, from the broadest to the most restricted: platform-commons' {@code TierName}, the platform's one
 * tier list, in reverse (its precedence puts the most privileged first). TierNamesTest checks this enum, the tiers
 * of {@code tiers/tier-requirements.json} and the Keycloak realm's {@code tier-<tier>} groups against that list.
 */
public enum Tier {
    PUBLIC,
    ENTERPRISE,
    RESEARCH,
    GOVERNMENT
}
