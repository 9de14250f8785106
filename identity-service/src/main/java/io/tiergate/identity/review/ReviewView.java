package io.tiergate.identity.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tiergate.identity.screening.ScreeningHit;
import io.tiergate.identity.verification.CaseTransition;
import io.tiergate.identity.verification.ReviewKind;
import io.tiergate.identity.verification.VerificationCase;
import io.tiergate.identity.verification.VerificationStatus;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A case as an officer reviews it: the applicant's claims, each screening hit explained, and the case's history.
 * Only compliance officers and auditors see this; it is never logged.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReviewView(
        UUID id,
        ReviewKind kind,
        String subject,
        VerificationStatus status,
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        List<String> nationalities,
        String residenceCountry,
        String documentType,
        String documentLast4,
        UUID clusterId,
        List<String> linkedSubjects,
        List<ScreeningHit> screeningHits,
        String listsVersion,
        OffsetDateTime submittedAt,
        String claimedBy,
        OffsetDateTime claimedAt,
        String decidedBy,
        List<Step> history,
        String consistencyToken,
        Boolean personalDataUnreadable) {

    public record Step(
            VerificationStatus from, VerificationStatus to, String actor, String reason, OffsetDateTime at) {}

    static ReviewView of(VerificationCase c, String consistencyToken) {
        List<Step> history = CaseTransition.of(c.id).stream()
                .map(t -> new Step(t.from, t.to, t.actor, t.reason, t.at))
                .toList();
        return new ReviewView(
                c.id,
                c.kind,
                c.subject,
                c.status,
                c.givenName,
                c.familyName,
                c.dateOfBirth,
                c.nationalities,
                c.residenceCountry,
                c.documentType,
                c.documentLast4,
                c.clusterId,
                c.linkedSubjects,
                c.screeningHits,
                c.listsVersion,
                c.submittedAt,
                c.claimedBy,
                c.claimedAt,
                c.decidedBy,
                history,
                consistencyToken,
                // present only when true: the names and date of birth did not open (an integrity incident)
                c.personalDataUnreadable ? Boolean.TRUE : null);
    }
}
