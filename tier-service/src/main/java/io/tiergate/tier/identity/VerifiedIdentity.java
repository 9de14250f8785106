package io.tiergate.tier.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** tier-service's projection of a person's latest identity verdict. */
@Entity
@Table(name = "verified_identity")
public class VerifiedIdentity extends PanacheEntityBase {

    public static final String VERIFIED = "VERIFIED";

    @Id
    public String subject;

    /** VERIFIED, REJECTED, REVIEW_REQUIRED, REVOKED or EXPIRED, as identity-service last said. */
    @Column(nullable = false)
    public String status;

    @Column(name = "case_id")
    public UUID caseId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> nationalities = new ArrayList<>();

    @Column(name = "residence_country")
    public String residenceCountry;

    @Column(name = "verified_at")
    public OffsetDateTime verifiedAt;

    /** identity-service's per-subject version of the event applied last; older events are ignored. */
    @Column(name = "identity_version", nullable = false)
    public long identityVersion;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public boolean verified() {
        return VERIFIED.equals(status);
    }

    public static boolean isVerified(String subject) {
        VerifiedIdentity identity = findById(subject);
        return identity != null && identity.verified();
    }
}
