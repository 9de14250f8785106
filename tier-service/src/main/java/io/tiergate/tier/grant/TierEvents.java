package io.tiergate.tier.grant;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The tier events this service publishes on {@link #TOPIC}; their JSON Schemas are in docs/events/tier/. */
public final class TierEvents {

    public static final String TOPIC = "tiergate.tier";
    public static final String REQUESTED = "tiergate.tier.requested";
    public static final String APPROVED = "tiergate.tier.approved";
    public static final String DENIED = "tiergate.tier.denied";
    public static final String GRANTED = "tiergate.tier.granted";
    public static final String SUSPENDED = "tiergate.tier.suspended";
    public static final String REINSTATED = "tiergate.tier.reinstated";
    public static final String REVOKED = "tiergate.tier.revoked";
    public static final String EXPIRED = "tiergate.tier.expired";
    public static final String RENEWED = "tiergate.tier.renewed";
    /** A person's effective tiers (direct and inherited) after any change; what decisions and Keycloak follow. */
    public static final String EFFECTIVE_CHANGED = "tiergate.tier.effective.changed";

    private TierEvents() {}

    /** Data of every grant lifecycle event: the grant's state after the change, and who changed it why. */
    public record GrantChanged(
            UUID grantId,
            Tier tier,
            GrantStatus status,
            HolderKind holderKind,
            OffsetDateTime expiresAt,
            String actor,
            String reason,
            String cause,
            UUID requestId,
            String requirementsVersion) {}

    /** Data of request events: where the request stands and which distinct officers approved it so far. */
    public record RequestChanged(
            UUID requestId,
            String kind,
            Tier tier,
            HolderKind holderKind,
            String status,
            String requestedBy,
            List<String> approvedBy,
            int requiredApprovals,
            String actor,
            String reason,
            UUID grantId) {}

    /** Data of {@link #EFFECTIVE_CHANGED}: every tier the person holds now, and through which grant. */
    public record EffectiveChanged(List<EffectiveGrant> tiers) {}

    public record EffectiveGrant(UUID grantId, Tier tier, String via, UUID organizationId, OffsetDateTime expiresAt) {}
}
