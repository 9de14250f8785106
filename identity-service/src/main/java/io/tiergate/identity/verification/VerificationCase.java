package io.tiergate.identity.verification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.tiergate.identity.pii.PiiCipher;
import io.tiergate.identity.pii.UnreadablePersonalData;
import io.tiergate.identity.screening.ScreeningHit;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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

    /** Personal data: set when the case is made, sealed at rest bound to this row (PiiCipher), opened on load. */
    @Transient
    public String givenName;

    @Transient
    public String familyName;

    @Transient
    public LocalDate dateOfBirth;

    @Column(name = "given_name", nullable = false)
    String givenNameSealed;

    @Column(name = "family_name", nullable = false)
    String familyNameSealed;

    @Column(name = "date_of_birth", nullable = false)
    String dateOfBirthSealed;

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

    /** Why the case exists: the customer submitted it, or a re-screening found a new hit; stored by name. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReviewKind kind = ReviewKind.ONBOARDING;

    /** The hits that sent the case to review, each explained (list data, not the applicant's). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "screening_hits", nullable = false)
    public List<ScreeningHit> screeningHits = new ArrayList<>();

    @Column(name = "lists_version")
    public String listsVersion;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "claimed_at")
    public OffsetDateTime claimedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "document_type")
    public String documentType;

    /** HMAC-SHA256 of the document number (see sybil/Fingerprints); the number itself is never stored. */
    @Column(name = "document_hash")
    public String documentHash;

    @Column(name = "document_last4")
    public String documentLast4;

    @Column(name = "cluster_id")
    public UUID clusterId;

    /** Subjects this applicant shares a fingerprint with, shown to the reviewing officer. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "linked_subjects", nullable = false)
    public List<String> linkedSubjects = new ArrayList<>();

    /** Stores the new case as SUBMITTED, its first recorded step. */
    public void open(String actor, String reason) {
        status = VerificationStatus.SUBMITTED;
        persist();
        record(null, VerificationStatus.SUBMITTED, actor, reason);
    }

    /** Takes one step of the state machine and records it; a step the machine does not allow is a bug, refused. */
    public void moveTo(VerificationStatus next, String actor, String reason) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException("case " + id + " cannot move from " + status + " to " + next);
        }
        VerificationStatus from = status;
        status = next;
        record(from, next, actor, reason);
    }

    private void record(VerificationStatus from, VerificationStatus to, String actor, String reason) {
        CaseTransition transition = new CaseTransition();
        transition.caseId = id;
        transition.from = from;
        transition.to = to;
        transition.actor = actor;
        transition.reason = reason;
        transition.at = OffsetDateTime.now(ZoneOffset.UTC);
        transition.persist();
    }

    /** The subject's latest case, if any. */
    public static Optional<VerificationCase> latestOf(String subject) {
        return find("subject = ?1 order by submittedAt desc", subject).firstResultOptional();
    }

    static final String GIVEN_NAME = "verification_case.given_name";
    static final String FAMILY_NAME = "verification_case.family_name";
    static final String DATE_OF_BIRTH = "verification_case.date_of_birth";

    @PrePersist
    void seal() {
        reseal(PiiCipher.configured());
    }

    /**
     * The personal data did not open as the row was loaded (see {@link UnreadablePersonalData}): the names and date
     * of birth are null, and the case is shown flagged rather than failing every list it is in.
     */
    @Transient
    public boolean personalDataUnreadable;

    /** Seals the personal data under the cipher's active key (on creation, and when keys rotate). */
    public void reseal(PiiCipher cipher) {
        if (personalDataUnreadable) {
            throw UnreadablePersonalData.refuseToReseal("verification_case", id);
        }
        givenNameSealed = cipher.seal(givenName, GIVEN_NAME, id);
        familyNameSealed = cipher.seal(familyName, FAMILY_NAME, id);
        dateOfBirthSealed = cipher.seal(dateOfBirth == null ? null : dateOfBirth.toString(), DATE_OF_BIRTH, id);
    }

    @PostLoad
    void open() {
        PiiCipher cipher = PiiCipher.configured();
        try {
            givenName = cipher.open(givenNameSealed, GIVEN_NAME, id);
            familyName = cipher.open(familyNameSealed, FAMILY_NAME, id);
            String date = cipher.open(dateOfBirthSealed, DATE_OF_BIRTH, id);
            dateOfBirth = date == null ? null : LocalDate.parse(date);
        } catch (PiiCipher.SealBroken e) {
            givenName = null;
            familyName = null;
            dateOfBirth = null;
            personalDataUnreadable = true;
            UnreadablePersonalData.report("verification_case", id, e);
        }
    }
}
