package io.tiergate.tier.grant;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record GrantView(UUID id, String subject, Tier tier, GrantStatus status, String justification,
                        String grantedBy, OffsetDateTime grantedAt, String revokedBy, OffsetDateTime revokedAt,
                        String revocationReason, String consistencyToken) {

    static GrantView of(TierGrant grant, String consistencyToken) {
        return new GrantView(grant.id, grant.subject, grant.tier, grant.status, grant.justification, grant.grantedBy,
                grant.grantedAt, grant.revokedBy, grant.revokedAt, grant.revocationReason, consistencyToken);
    }
}
