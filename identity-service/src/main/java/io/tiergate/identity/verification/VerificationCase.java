package io.tiergate.identity.verification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.tiergate.identity.pii.EncryptedDate;
import io.tiergate.identity.pii.EncryptedString;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One verification of one applicant (the token's subject), with the claims checked and the verdict. */
@Entity
@Table(name = "verification_case")
public class VerificationCase extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String subject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public VerificationStatus status;

    @Convert(converter = EncryptedString.class)
    @Column(name = "given_name", nullable = false)
    public String givenName;

    @Convert(converter = EncryptedString.class)
    @Column(name = "family_name", nullable = false)
    public String familyName;

    @Convert(converter = EncryptedDate.class)
    @Column(name = "date_of_birth", nullable = false)
    public LocalDate dateOfBirth;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> nationalities;

    @Column(name = "residence_country", nullable = false)
    public String residenceCountry;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Reason> reasons;

    @Column(name = "submitted_at", nullable = false)
    public OffsetDateTime submittedAt;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
}
