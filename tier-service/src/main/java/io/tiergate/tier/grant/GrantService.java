package io.tiergate.tier.grant;

import io.tiergate.commons.event.ConsistencyToken;
import io.tiergate.commons.outbox.Outbox;
import io.tiergate.commons.problem.ApiProblem;
import io.tiergate.tier.effective.EffectiveTiers;
import io.tiergate.tier.requirement.RequirementCheck;
import io.tiergate.tier.requirement.TierPolicy;
import io.tiergate.tier.requirement.TierRequirements;
import io.tiergate.tier.requirement.UnmetRequirement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A grant's lifecycle: issue, suspend, reinstate, renew, revoke, expire. Every change is kept in the grant's
 * history and commits together with its event and the effective-tier announcements of the people it affects.
 */
@ApplicationScoped
public class GrantService {

    /** The actor of changes tier-service makes on its own: expiry, reactions to identity events, PUBLIC on verification. */
    public static final String SYSTEM_ACTOR = "tier-service";

    @Inject
    Outbox outbox;

    @Inject
    EffectiveTiers effective;

    @Inject
    TierRequirements requirements;

    @Inject
    RequirementCheck check;

    /** An officer's grant of a one-approval tier; tiers that need four eyes go through a tier request. */
    @Transactional
    public GrantView grantDirectly(String officer, GrantRequest request) {
        Holder holder = Holder.of(request.subject(), request.organizationId());
        OfficerConflicts.check(officer, holder.id(), holder.kind());
        if (requirements.policy(request.tier()).fourEyes()) {
            throw ApiProblem.conflict(
                    "FOUR_EYES_REQUIRED",
                    request.tier()
                            + " needs two distinct compliance officers: file POST /v1/tier-requests and approve it twice");
        }
        return issue(
                officer,
                holder,
                request.tier(),
                request.justification().strip(),
                request.intendedUse(),
                request.expiresAt(),
                null);
    }

    /** Creates a grant after checking the tier's requirements again, now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public GrantView issue(
            String actor,
            Holder holder,
            Tier tier,
            String justification,
            String intendedUse,
            OffsetDateTime expiresAt,
            UUID requestId) {
        requireMet(tier, holder, intendedUse);
        if (TierGrant.hasLive(holder.id(), tier)) {
            throw ApiProblem.conflict(
                    "GRANT_ALREADY_ACTIVE",
                    holder.id() + " already holds a live " + tier + " grant (reinstate or renew it instead)");
        }
        TierGrant grant = new TierGrant();
        grant.id = UUID.randomUUID();
        grant.subject = holder.id();
        grant.holderKind = holder.kind();
        grant.tier = tier;
        grant.status = GrantStatus.ACTIVE;
        grant.justification = justification;
        grant.intendedUse = intendedUse == null || intendedUse.isBlank() ? null : intendedUse.strip();
        grant.grantedBy = actor;
        grant.grantedAt = now();
        grant.expiresAt = expiry(tier, expiresAt);
        grant.requestId = requestId;
        grant.requirementsVersion = requirements.version();
        grant.persist();
        return record(grant, "GRANTED", TierEvents.GRANTED, actor, justification, null);
    }

    @Transactional
    public GrantView revoke(String officer, UUID grantId, String reason) {
        TierGrant grant = locked(grantId);
        if (!grant.status.live()) {
            throw ApiProblem.conflict("GRANT_NOT_ACTIVE", "grant " + grantId + " is " + grant.status);
        }
        grant.status = GrantStatus.REVOKED;
        grant.suspensionCause = null;
        grant.revokedBy = officer;
        grant.revokedAt = now();
        grant.revocationReason = reason;
        return record(grant, "REVOKED", TierEvents.REVOKED, officer, reason, null);
    }

    @Transactional
    public GrantView suspend(String officer, UUID grantId, String reason) {
        TierGrant grant = locked(grantId);
        if (grant.status != GrantStatus.ACTIVE) {
            throw ApiProblem.conflict("GRANT_NOT_ACTIVE", "grant " + grantId + " is " + grant.status);
        }
        return suspend(grant, officer, reason, "OFFICER");
    }

    @Transactional
    public GrantView reinstate(String officer, UUID grantId, String reason) {
        TierGrant grant = locked(grantId);
        if (grant.status != GrantStatus.SUSPENDED) {
            throw ApiProblem.conflict("GRANT_NOT_SUSPENDED", "grant " + grantId + " is " + grant.status);
        }
        OfficerConflicts.check(officer, grant.subject, grant.holderKind);
        if (!grant.expiresAt.isAfter(now())) {
            throw ApiProblem.conflict("GRANT_EXPIRED", "grant " + grantId + " has expired; request it anew");
        }
        requireMet(grant.tier, new Holder(grant.subject, grant.holderKind), grant.intendedUse);
        grant.status = GrantStatus.ACTIVE;
        grant.suspensionCause = null;
        return record(grant, "REINSTATED", TierEvents.REINSTATED, officer, reason, null);
    }

    /** Extends a live grant once its renewal request is approved. */
    @Transactional(Transactional.TxType.MANDATORY)
    public GrantView renew(String actor, UUID grantId, OffsetDateTime expiresAt, String reason) {
        TierGrant grant = locked(grantId);
        if (!grant.status.live()) {
            throw ApiProblem.conflict("GRANT_NOT_ACTIVE", "grant " + grantId + " is " + grant.status);
        }
        grant.expiresAt = expiry(grant.tier, expiresAt);
        return record(grant, "RENEWED", TierEvents.RENEWED, actor, reason, null);
    }

    /** Suspends a holder's active grants for a cause outside an officer's hand, such as an identity revocation. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void suspendAll(String holder, HolderKind kind, String cause, String reason) {
        for (TierGrant grant : TierGrant.activeOf(holder, kind)) {
            TierGrant locked = locked(grant.id);
            if (locked.status == GrantStatus.ACTIVE) {
                suspend(locked, SYSTEM_ACTOR, reason, cause);
            }
        }
    }

    /** Expires live grants whose time has come; returns how many. */
    @Transactional
    public int expireDue(int limit) {
        List<TierGrant> due = TierGrant.find(
                        "status in ?1 and expiresAt <= ?2 order by expiresAt",
                        List.of(GrantStatus.ACTIVE, GrantStatus.SUSPENDED),
                        now())
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .page(0, limit)
                .list();
        for (TierGrant grant : due) {
            grant.status = GrantStatus.EXPIRED;
            grant.suspensionCause = null;
            record(grant, "EXPIRED", TierEvents.EXPIRED, SYSTEM_ACTOR, "expired at " + grant.expiresAt, null);
        }
        return due.size();
    }

    public TierGrant find(UUID grantId) {
        return TierGrant.<TierGrant>findByIdOptional(grantId).orElseThrow(() -> notFound(grantId));
    }

    public List<UnmetRequirement> unmet(Tier tier, Holder holder, String intendedUse) {
        TierPolicy policy = requirements.policy(tier);
        return holder.kind() == HolderKind.SUBJECT
                ? check.forPerson(policy, holder.id(), intendedUse)
                : check.forOrganization(policy, UUID.fromString(holder.id()), intendedUse);
    }

    /** Refuses with every unmet requirement named. */
    public void requireMet(Tier tier, Holder holder, String intendedUse) {
        List<UnmetRequirement> unmet = unmet(tier, holder, intendedUse);
        if (!unmet.isEmpty()) {
            throw ApiProblem.unprocessable(
                            "REQUIREMENTS_NOT_MET",
                            holder.id() + " does not meet " + unmet.size() + " requirement(s) of " + tier
                                    + " (requirements " + requirements.version() + ")")
                    .withViolations(
                            unmet.stream().map(UnmetRequirement::toViolation).toList());
        }
    }

    private GrantView suspend(TierGrant grant, String actor, String reason, String cause) {
        grant.status = GrantStatus.SUSPENDED;
        grant.suspensionCause = cause;
        return record(grant, "SUSPENDED", TierEvents.SUSPENDED, actor, reason, cause);
    }

    private GrantView record(TierGrant grant, String action, String type, String actor, String reason, String cause) {
        GrantChange change = new GrantChange();
        change.grantId = grant.id;
        change.action = action;
        change.status = grant.status;
        change.actor = actor;
        change.reason = reason;
        change.at = now();
        change.expiresAt = grant.expiresAt;
        change.persist();
        ConsistencyToken own = outbox.append(
                TierEvents.TOPIC,
                type,
                grant.subject,
                new TierEvents.GrantChanged(
                        grant.id,
                        grant.tier,
                        grant.status,
                        grant.holderKind,
                        grant.expiresAt,
                        actor,
                        reason,
                        cause,
                        grant.requestId,
                        grant.requirementsVersion));
        List<ConsistencyToken> announced =
                effective.announce(EffectiveTiers.affectedBy(grant.subject, grant.holderKind));
        String token = announced.isEmpty()
                ? (grant.holderKind == HolderKind.SUBJECT ? own.toString() : null)
                : announced.stream().map(ConsistencyToken::toString).collect(Collectors.joining(","));
        return GrantView.of(grant, token);
    }

    private OffsetDateTime expiry(Tier tier, OffsetDateTime requested) {
        if (requested == null) {
            return now().plus(requirements.policy(tier).defaultValidity());
        }
        if (!requested.isAfter(now())) {
            throw ApiProblem.badRequest("EXPIRY_IN_PAST", "expiresAt must lie in the future");
        }
        return requested.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private TierGrant locked(UUID grantId) {
        return TierGrant.<TierGrant>findByIdOptional(grantId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> notFound(grantId));
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static ApiProblem notFound(UUID grantId) {
        return ApiProblem.notFound("GRANT_NOT_FOUND", "no grant " + grantId);
    }
}
