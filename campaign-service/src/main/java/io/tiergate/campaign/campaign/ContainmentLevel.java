package io.tiergate.campaign.campaign;

/** What entitlement-service does to a contained account's requests, mildest first. */
public enum ContainmentLevel {
    /** Allowed, with a throttling obligation on the gateway. */
    THROTTLE,
    /** Denied until the person verifies again. */
    STEP_UP,
    /** Denied. */
    DENY
}
