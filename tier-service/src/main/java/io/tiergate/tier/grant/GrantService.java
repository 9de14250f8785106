package io.tiergate.tier.grant;

import io.tiergate.commons.event.ConsistencyToken;
import io.tiergate.commons.outbox.Outbox;
import io.tiergate.commons.problem.ApiProblem;
import io.tiergate.tier.identity.VerifiedIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Grants and revokes tiers; every change commits together with its event. */
@ApplicationScoped
public class GrantService {

    @Inject
    Outbox outbox;

    @Transactional
    public GrantView grant(String officer, GrantRequest request) {
        if (officer.equals(request.subject())) {
            throw ApiProblem.forbidden("SELF_GRANT_FORBIDDEN", "an officer cannot grant a tier to themselves");
        }
        if (!VerifiedIdentity.isVerified(request.subject())) {
            throw ApiProblem.conflict("IDENTITY_NOT_VERIFIED",
                    "subject " + request.subject() + " has no verified identity");
        }
        if (TierGrant.hasActive(request.subject(), request.tier())) {
            throw ApiProblem.conflict("GRANT_ALREADY_ACTIVE",
                    "subject " + request.subject() + " already holds an active " + request.tier() + " grant");
        }
        TierGrant grant = new TierGrant();
        grant.id = UUID.randomUUID();
        grant.subject = request.subject();
        grant.tier = request.tier();
        grant.status = GrantStatus.ACTIVE;
        grant.justification = request.justification().strip();
        grant.grantedBy = officer;
        grant.grantedAt = OffsetDateTime.now(ZoneOffset.UTC);
        grant.persist();
        ConsistencyToken token = outbox.append(TierEvents.TOPIC, TierEvents.GRANTED, grant.subject,
                new TierEvents.GrantChanged(grant.id, grant.tier, grant.status, officer, grant.justification));
        return GrantView.of(grant, token.toString());
    }

    @Transactional
    public GrantView revoke(String officer, UUID grantId, RevocationRequest request) {
        TierGrant grant = TierGrant.<TierGrant>findByIdOptional(grantId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> notFound(grantId));
        if (grant.status != GrantStatus.ACTIVE) {
            throw ApiProblem.conflict("GRANT_NOT_ACTIVE", "grant " + grantId + " is " + grant.status);
        }
        grant.status = GrantStatus.REVOKED;
        grant.revokedBy = officer;
        grant.revokedAt = OffsetDateTime.now(ZoneOffset.UTC);
        grant.revocationReason = request.reason().strip();
        ConsistencyToken token = outbox.append(TierEvents.TOPIC, TierEvents.REVOKED, grant.subject,
                new TierEvents.GrantChanged(grant.id, grant.tier, grant.status, officer, grant.revocationReason));
        return GrantView.of(grant, token.toString());
    }

    public TierGrant find(UUID grantId) {
        return TierGrant.<TierGrant>findByIdOptional(grantId).orElseThrow(() -> notFound(grantId));
    }

    private static ApiProblem notFound(UUID grantId) {
        return ApiProblem.notFound("GRANT_NOT_FOUND", "no grant " + grantId);
    }
}
