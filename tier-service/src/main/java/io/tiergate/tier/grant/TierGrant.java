package io.tiergate.tier.grant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A tier held by a person or an organization, with who granted it, when it expires, and its current status. */
@Entity
@Table(name = "tier_grant")
public class TierGrant extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The holder: a person's Keycloak subject, or an organization's id when {@link #holderKind} is ORGANIZATION. */
    @Column(nullable = false)
    public String subject;

    @Enumerated(EnumType.STRING)
    @Column(name = "holder_kind", nullable = false)
    public HolderKind holderKind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Tier tier;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GrantStatus status;

    @Column(nullable = false)
    public String justification;

    @Column(name = "intended_use")
    public String intendedUse;

    @Column(name = "granted_by", nullable = false)
    public String grantedBy;

    @Column(name = "granted_at", nullable = false)
    public OffsetDateTime grantedAt;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    /** Why a suspended grant is suspended: OFFICER, IDENTITY_REVOKED, IDENTITY_EXPIRED, SCREENING_HIT, ... */
    @Column(name = "suspension_cause")
    public String suspensionCause;

    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "requirements_version")
    public String requirementsVersion;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "revocation_reason")
    public String revocationReason;

    public static List<TierGrant> ofHolder(String holder) {
        return list("subject = ?1 order by grantedAt desc", holder);
    }

    public static boolean hasLive(String holder, Tier tier) {
        return count(
                        "subject = ?1 and tier = ?2 and status in ?3",
                        holder,
                        tier,
                        List.of(GrantStatus.ACTIVE, GrantStatus.SUSPENDED))
                > 0;
    }

    public static List<TierGrant> activeOf(String holder, HolderKind kind) {
        return list(
                "subject = ?1 and holderKind = ?2 and status = ?3 order by tier, id", holder, kind, GrantStatus.ACTIVE);
    }

    public static List<TierGrant> expiringBefore(OffsetDateTime instant) {
        return list(
                "status in ?1 and expiresAt < ?2 order by expiresAt",
                List.of(GrantStatus.ACTIVE, GrantStatus.SUSPENDED),
                instant);
    }
}
