package io.tiergate.tier.grant;

public enum GrantStatus {
    ACTIVE, REVOKED
}
