package io.tiergate.entitlement.policy;

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

/**
 * An officer's publication or rollback, waiting for a second officer. It names the version in force when it was
 * made: the confirmer approves that change, so it is confirmed only while that version is still in force.
 */
@Entity
@Table(name = "policy_publication_request")
public class PolicyPublicationRequest extends PanacheEntityBase {

    public enum Status {
        PENDING,
        CONFIRMED,
        SUPERSEDED
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PolicyPublication.Kind kind;

    @Column(nullable = false)
    public String against;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    public static List<PolicyPublicationRequest> pending() {
        return list("status = ?1 ORDER BY requestedAt", Status.PENDING);
    }
}
