package io.tiergate.identity.sybil;

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

/** One fingerprint (a keyed hash) an applicant gave in one case. */
@Entity
@Table(name = "identity_fingerprint")
public class IdentityFingerprint extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FingerprintKind kind;

    @Column(name = "value_hash", nullable = false)
    public String valueHash;

    @Column(nullable = false)
    public String subject;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** Other subjects who gave the same fingerprint. */
    public static List<IdentityFingerprint> sharedWith(FingerprintKind kind, String valueHash, String subject) {
        return list("kind = ?1 and valueHash = ?2 and subject <> ?3", kind, valueHash, subject);
    }
}
