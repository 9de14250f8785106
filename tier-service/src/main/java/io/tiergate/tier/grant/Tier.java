package io.tiergate.tier.grant;

/** Access tiers, from the broadest to the most restricted. */
public enum Tier {
    PUBLIC,
    ENTERPRISE,
    RESEARCH,
    GOVERNMENT
}
