package io.tiergate.tier.request;

import io.tiergate.commons.outbox.Outbox;
import io.tiergate.commons.problem.ApiProblem;
import io.tiergate.tier.grant.GrantService;
import io.tiergate.tier.grant.GrantView;
import io.tiergate.tier.grant.Holder;
import io.tiergate.tier.grant.HolderKind;
import io.tiergate.tier.grant.OfficerConflicts;
import io.tiergate.tier.grant.TierEvents;
import io.tiergate.tier.grant.TierGrant;
import io.tiergate.tier.identity.OrganizationMembership;
import io.tiergate.tier.requirement.TierRequirements;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * Requests and approvals. A request becomes a grant (or a renewal) when as many distinct officers as its tier
 * requires have approved it; none of them may have filed it, be its subject, or belong to its organization.
 */
@ApplicationScoped
public class TierRequestService {

    @Inject
    Outbox outbox;

    @Inject
    GrantService grants;

    @Inject
    TierRequirements requirements;

    @Transactional
    public TierRequestView submit(String caller, boolean officer, NewTierRequest body) {
        Holder holder;
        if (officer) {
            holder = Holder.of(body.subject(), body.organizationId());
        } else if (body.organizationId() != null) {
            if (body.subject() != null && !body.subject().isBlank()) {
                throw ApiProblem.badRequest("HOLDER_REQUIRED", "give exactly one of subject and organizationId");
            }
            if (!OrganizationMembership.isMember(caller, body.organizationId())) {
                throw ApiProblem.forbidden(
                        "NOT_ORGANIZATION_MEMBER",
                        "only a member can request a tier for organization " + body.organizationId());
            }
            holder = new Holder(body.organizationId().toString(), HolderKind.ORGANIZATION);
        } else {
            if (body.subject() != null
                    && !body.subject().isBlank()
                    && !body.subject().strip().equals(caller)) {
                throw ApiProblem.forbidden("OTHER_SUBJECT_FORBIDDEN", "a customer requests tiers for themselves only");
            }
            holder = new Holder(caller, HolderKind.SUBJECT);
        }
        grants.requireMet(body.tier(), holder, body.intendedUse());
        if (TierGrant.hasLive(holder.id(), body.tier())) {
            throw ApiProblem.conflict(
                    "GRANT_ALREADY_ACTIVE",
                    holder.id() + " already holds a live " + body.tier() + " grant (ask for a renewal instead)");
        }
        if (TierRequest.pendingFor(holder.id(), body.tier(), TierRequest.Kind.NEW)) {
            throw ApiProblem.conflict(
                    "REQUEST_ALREADY_PENDING", "a request for " + body.tier() + " is already pending");
        }
        TierRequest request = newRequest(TierRequest.Kind.NEW, holder, body.tier(), caller, body.justification());
        request.intendedUse = body.intendedUse() == null || body.intendedUse().isBlank()
                ? null
                : body.intendedUse().strip();
        request.requestedExpiry = body.expiresAt();
        request.persist();
        announce(request, TierEvents.REQUESTED, caller, null);
        return TierRequestView.of(request, null);
    }

    @Transactional
    public TierRequestView requestRenewal(String caller, boolean officer, UUID grantId, RenewalRequest body) {
        TierGrant grant = grants.find(grantId);
        if (!grant.status.live()) {
            throw ApiProblem.conflict("GRANT_NOT_ACTIVE", "grant " + grantId + " is " + grant.status);
        }
        boolean holder = grant.holderKind == HolderKind.SUBJECT
                ? grant.subject.equals(caller)
                : OrganizationMembership.isMember(caller, UUID.fromString(grant.subject));
        if (!officer && !holder) {
            throw ApiProblem.forbidden("NOT_GRANT_HOLDER", "only the holder or an officer can ask to renew a grant");
        }
        if (TierRequest.pendingFor(grant.subject, grant.tier, TierRequest.Kind.RENEWAL)) {
            throw ApiProblem.conflict("REQUEST_ALREADY_PENDING", "a renewal of " + grant.tier + " is already pending");
        }
        TierRequest request = newRequest(
                TierRequest.Kind.RENEWAL,
                new Holder(grant.subject, grant.holderKind),
                grant.tier,
                caller,
                body.justification());
        request.intendedUse = grant.intendedUse;
        request.requestedExpiry = body.expiresAt();
        request.renewsGrantId = grant.id;
        request.persist();
        announce(request, TierEvents.REQUESTED, caller, null);
        return TierRequestView.of(request, null);
    }

    @Transactional
    public TierRequestView approve(String officer, UUID requestId, Approval body) {
        TierRequest request = pending(requestId);
        if (officer.equals(request.requestedBy)) {
            throw ApiProblem.forbidden("APPROVER_IS_REQUESTER", "an officer cannot approve a request they made");
        }
        OfficerConflicts.check(officer, request.holder, request.holderKind);
        if (TierApproval.count("requestId = ?1 and officer = ?2", requestId, officer) > 0) {
            throw ApiProblem.conflict(
                    "FOUR_EYES_SAME_OFFICER",
                    "this officer already approved the request; a second, different officer must approve it");
        }
        TierApproval approval = new TierApproval();
        approval.requestId = requestId;
        approval.officer = officer;
        approval.approvedAt = GrantService.now();
        approval.comment = body == null ? null : body.comment();
        approval.persist();
        long approvals = TierApproval.count("requestId", requestId);
        if (approvals < request.requiredApprovals) {
            announce(request, TierEvents.APPROVED, officer, null);
            return TierRequestView.of(request, null);
        }
        Holder holder = new Holder(request.holder, request.holderKind);
        GrantView grant;
        if (request.kind == TierRequest.Kind.NEW) {
            grant = grants.issue(
                    officer,
                    holder,
                    request.tier,
                    request.justification,
                    request.intendedUse,
                    request.requestedExpiry,
                    request.id);
        } else {
            grants.requireMet(request.tier, holder, request.intendedUse);
            grant = grants.renew(officer, request.renewsGrantId, request.requestedExpiry, request.justification);
        }
        request.status = TierRequest.Status.GRANTED;
        request.decidedBy = officer;
        request.decidedAt = GrantService.now();
        request.grantId = grant.id();
        return TierRequestView.of(request, grant);
    }

    @Transactional
    public TierRequestView deny(String officer, UUID requestId, Denial body) {
        TierRequest request = pending(requestId);
        OfficerConflicts.check(officer, request.holder, request.holderKind);
        request.status = TierRequest.Status.DENIED;
        request.decidedBy = officer;
        request.decidedAt = GrantService.now();
        request.decisionReason = body.reason().strip();
        announce(request, TierEvents.DENIED, officer, request.decisionReason);
        return TierRequestView.of(request, null);
    }

    public TierRequestView view(UUID requestId, String caller, boolean mayReadAny) {
        TierRequest request = find(requestId);
        boolean own = caller.equals(request.requestedBy) || caller.equals(request.holder);
        if (!mayReadAny && !own) {
            throw ApiProblem.forbidden("NOT_YOUR_REQUEST", "customers read their own requests only");
        }
        return TierRequestView.of(request, null);
    }

    /** The officers' queue: pending requests, oldest first. */
    public List<TierRequestView> queue(TierRequest.Status status, int limit) {
        return TierRequest.<TierRequest>find("status = ?1 order by requestedAt, id", status)
                .page(0, limit)
                .list()
                .stream()
                .map(r -> TierRequestView.of(r, null))
                .toList();
    }

    private TierRequest newRequest(
            TierRequest.Kind kind,
            Holder holder,
            io.tiergate.tier.grant.Tier tier,
            String caller,
            String justification) {
        TierRequest request = new TierRequest();
        request.id = UUID.randomUUID();
        request.kind = kind;
        request.holder = holder.id();
        request.holderKind = holder.kind();
        request.tier = tier;
        request.justification = justification.strip();
        request.requestedBy = caller;
        request.requestedAt = GrantService.now();
        request.requiredApprovals = requirements.policy(tier).approvals();
        request.status = TierRequest.Status.PENDING;
        return request;
    }

    private void announce(TierRequest request, String type, String actor, String reason) {
        List<String> approvedBy =
                TierApproval.of(request.id).stream().map(a -> a.officer).toList();
        outbox.append(
                TierEvents.TOPIC,
                type,
                request.holder,
                new TierEvents.RequestChanged(
                        request.id,
                        request.kind.name(),
                        request.tier,
                        request.holderKind,
                        request.status.name(),
                        request.requestedBy,
                        approvedBy,
                        request.requiredApprovals,
                        actor,
                        reason,
                        request.grantId));
    }

    private TierRequest pending(UUID requestId) {
        TierRequest request = TierRequest.<TierRequest>findByIdOptional(requestId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> notFound(requestId));
        if (request.status != TierRequest.Status.PENDING) {
            throw ApiProblem.conflict("REQUEST_NOT_PENDING", "request " + requestId + " is " + request.status);
        }
        return request;
    }

    private TierRequest find(UUID requestId) {
        return TierRequest.<TierRequest>findByIdOptional(requestId).orElseThrow(() -> notFound(requestId));
    }

    private static ApiProblem notFound(UUID requestId) {
        return ApiProblem.notFound("REQUEST_NOT_FOUND", "no tier request " + requestId);
    }
}
