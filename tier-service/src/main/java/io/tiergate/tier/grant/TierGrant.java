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

/** A tier granted to a subject by a compliance officer, with who did what, when and why. */
@Entity
@Table(name = "tier_grant")
public class TierGrant extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String subject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Tier tier;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GrantStatus status;

    @Column(nullable = false)
    public String justification;

    @Column(name = "granted_by", nullable = false)
    public String grantedBy;

    @Column(name = "granted_at", nullable = false)
    public OffsetDateTime grantedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "revocation_reason")
    public String revocationReason;

    public static List<TierGrant> ofSubject(String subject) {
        return list("subject = ?1 order by grantedAt desc", subject);
    }

    public static boolean hasActive(String subject, Tier tier) {
        return count("subject = ?1 and tier = ?2 and status = ?3", subject, tier, GrantStatus.ACTIVE) > 0;
    }
}
