package io.tiergate.tier.grant;

import java.util.UUID;

/** The tier events this service publishes on {@link #TOPIC}; see docs/events/. */
public final class TierEvents {

    public static final String TOPIC = "tiergate.tier";
    public static final String GRANTED = "tiergate.tier.granted";
    public static final String REVOKED = "tiergate.tier.revoked";

    private TierEvents() {
    }

    /** Data of every grant lifecycle event: the grant's state after the change, and who changed it why. */
    public record GrantChanged(UUID grantId, Tier tier, GrantStatus status, String actor, String reason) {
    }
}
