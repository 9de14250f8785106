package io.tiergate.identity.organization;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.tiergate.identity.verification.Reason;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One organization submitted for KYB by a customer, with the verdict of the rules. */
@Entity
@Table(name = "organization")
public class Organization extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "legal_name", nullable = false)
    public String legalName;

    @Column(name = "registration_number", nullable = false)
    public String registrationNumber;

    @Column(name = "country_of_incorporation", nullable = false)
    public String countryOfIncorporation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrganizationKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrganizationStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Reason> reasons;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    public OffsetDateTime submittedAt;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    /** Hits on the organization's name or on its owners and representatives, each explained (list data). */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    @Column(name = "screening_hits", nullable = false)
    public java.util.List<io.tiergate.identity.screening.ScreeningHit> screeningHits = new java.util.ArrayList<>();

    @Column(name = "decided_by")
    public String decidedBy;
}
