package io.tiergate.tier.request;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.tiergate.tier.grant.HolderKind;
import io.tiergate.tier.grant.Tier;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A request for a tier (or a renewal of a grant) waiting for the approvals its tier requires. */
@Entity
@Table(name = "tier_request")
public class TierRequest extends PanacheEntityBase {

    public enum Kind {
        NEW,
        RENEWAL
    }

    public enum Status {
        PENDING,
        GRANTED,
        DENIED
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public String holder;

    @Enumerated(EnumType.STRING)
    @Column(name = "holder_kind", nullable = false)
    public HolderKind holderKind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Tier tier;

    @Column(nullable = false)
    public String justification;

    @Column(name = "intended_use")
    public String intendedUse;

    @Column(name = "requested_expiry")
    public OffsetDateTime requestedExpiry;

    @Column(name = "renews_grant_id")
    public UUID renewsGrantId;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;

    @Column(name = "required_approvals", nullable = false)
    public int requiredApprovals;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "grant_id")
    public UUID grantId;

    public static boolean pendingFor(String holder, Tier tier, Kind kind) {
        return count("holder = ?1 and tier = ?2 and kind = ?3 and status = ?4", holder, tier, kind, Status.PENDING) > 0;
    }
}
