package io.tiergate.entitlement.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The persisted form of a {@link SubjectState}, so a restart rebuilds the projection without replaying topics. */
@Entity
@Table(name = "subject_projection")
public class SubjectProjectionRow extends PanacheEntityBase {

    @Id
    public String subject;

    @Column(name = "identity_status")
    public String identityStatus;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Set<String> nationalities = new LinkedHashSet<>();

    @Column(name = "residence_country")
    public String residenceCountry;

    @Column(name = "verified_at")
    public OffsetDateTime verifiedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "active_grants", nullable = false)
    public Map<String, String> activeGrants = new HashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "grant_organizations", nullable = false)
    public Map<String, String> grantOrganizations = new HashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "applied_versions", nullable = false)
    public Map<String, Long> appliedVersions = new HashMap<>();

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    SubjectState toState() {
        // SubjectState.of copies the nationalities, grants and versions itself, sharing their strings
        return SubjectState.of(
                subject,
                identityStatus,
                nationalities,
                residenceCountry,
                verifiedAt,
                activeGrants,
                Map.copyOf(grantOrganizations),
                appliedVersions);
    }
}
