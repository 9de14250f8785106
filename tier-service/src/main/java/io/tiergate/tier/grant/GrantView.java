package io.tiergate.tier.grant;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A grant as callers see it. {@code consistencyToken} (on writes) lists, comma-separated, the token of each person
 * whose effective tiers changed: pass it to {@code POST /v1/decisions} to decide after the change.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GrantView(
        UUID id,
        String subject,
        HolderKind holderKind,
        Tier tier,
        GrantStatus status,
        String justification,
        String grantedBy,
        OffsetDateTime grantedAt,
        OffsetDateTime expiresAt,
        String suspensionCause,
        UUID requestId,
        String requirementsVersion,
        String revokedBy,
        OffsetDateTime revokedAt,
        String revocationReason,
        String consistencyToken) {

    public static GrantView of(TierGrant grant, String consistencyToken) {
        return new GrantView(
                grant.id,
                grant.subject,
                grant.holderKind,
                grant.tier,
                grant.status,
                grant.justification,
                grant.grantedBy,
                grant.grantedAt,
                grant.expiresAt,
                grant.suspensionCause,
                grant.requestId,
                grant.requirementsVersion,
                grant.revokedBy,
                grant.revokedAt,
                grant.revocationReason,
                consistencyToken);
    }
}
