package io.tiergate.tier.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tiergate.tier.grant.GrantView;
import io.tiergate.tier.grant.HolderKind;
import io.tiergate.tier.grant.Tier;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A request as callers see it; {@code grant} is set once the last approval issued or renewed the grant. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TierRequestView(
        UUID id,
        TierRequest.Kind kind,
        String holder,
        HolderKind holderKind,
        Tier tier,
        String justification,
        String intendedUse,
        UUID renewsGrantId,
        String requestedBy,
        OffsetDateTime requestedAt,
        TierRequest.Status status,
        int requiredApprovals,
        List<ApprovalView> approvals,
        String decidedBy,
        OffsetDateTime decidedAt,
        String decisionReason,
        UUID grantId,
        GrantView grant) {

    public record ApprovalView(String officer, OffsetDateTime approvedAt, String comment) {}

    static TierRequestView of(TierRequest request, GrantView grant) {
        List<ApprovalView> approvals = TierApproval.of(request.id).stream()
                .map(a -> new ApprovalView(a.officer, a.approvedAt, a.comment))
                .toList();
        return new TierRequestView(
                request.id,
                request.kind,
                request.holder,
                request.holderKind,
                request.tier,
                request.justification,
                request.intendedUse,
                request.renewsGrantId,
                request.requestedBy,
                request.requestedAt,
                request.status,
                request.requiredApprovals,
                approvals,
                request.decidedBy,
                request.decidedAt,
                request.decisionReason,
                request.grantId,
                grant);
    }
}
