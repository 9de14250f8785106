package io.tiergate.tier.grant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One entry of a grant's history: every change, with actor, time and reason. Never updated. */
@Entity
@Table(name = "grant_change")
public class GrantChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "grant_id", nullable = false)
    public UUID grantId;

    /** GRANTED, SUSPENDED, REINSTATED, REVOKED, EXPIRED or RENEWED. */
    @Column(nullable = false)
    public String action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GrantStatus status;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String reason;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    public static List<GrantChange> historyOf(UUID grantId) {
        return list("grantId = ?1 order by id", grantId);
    }
}
