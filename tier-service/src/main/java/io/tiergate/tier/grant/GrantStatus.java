package io.tiergate.tier.grant;

/** ACTIVE and SUSPENDED grants are live (one per holder and tier); REVOKED and EXPIRED are final. */
public enum GrantStatus {
    ACTIVE,
    SUSPENDED,
    REVOKED,
    EXPIRED;

    public boolean live() {
        return this == ACTIVE || this == SUSPENDED;
    }
}
