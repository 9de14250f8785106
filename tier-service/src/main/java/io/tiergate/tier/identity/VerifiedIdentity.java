package io.tiergate.tier.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** tier-service's projection of a subject's latest identity verdict. */
@Entity
@Table(name = "verified_identity")
public class VerifiedIdentity extends PanacheEntityBase {

    public static final String VERIFIED = "VERIFIED";

    @Id
    public String subject;

    @Column(nullable = false)
    public String status;

    @Column(name = "case_id")
    public UUID caseId;

    /** identity-service's per-subject version of the event applied last; older events are ignored. */
    @Column(name = "identity_version", nullable = false)
    public long identityVersion;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public static boolean isVerified(String subject) {
        VerifiedIdentity identity = findById(subject);
        return identity != null && VERIFIED.equals(identity.status);
    }
}
