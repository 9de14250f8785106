package io.tiergate.identity.review;

import io.tiergate.commons.event.ConsistencyToken;
import io.tiergate.commons.outbox.Outbox;
import io.tiergate.commons.problem.ApiProblem;
import io.tiergate.identity.verification.IdentityEvents;
import io.tiergate.identity.verification.Reason;
import io.tiergate.identity.verification.ReviewKind;
import io.tiergate.identity.verification.VerificationCase;
import io.tiergate.identity.verification.VerificationService;
import io.tiergate.identity.verification.VerificationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The officers' review queue: cases in review, oldest first. An officer claims a case, reads the evidence and
 * decides it with a reason; nobody reviews a case about themselves.
 */
@ApplicationScoped
public class ReviewService {

    /** The reason code of a case or organization an officer cleared. */
    public static final String REVIEWED_CLEAR = "REVIEWED_CLEAR";
    /** The reason code of a case or organization an officer rejected. */
    public static final String REVIEWED_REJECTED = "REVIEWED_REJECTED";
    /** The reason code of a verification revoked because an officer confirmed a re-screening hit. */
    public static final String SCREENING_HIT_CONFIRMED = "SCREENING_HIT_CONFIRMED";

    @Inject
    Outbox outbox;

    @Inject
    VerificationService verifications;

    /** The queue as one officer sees it: never a case about the officer themselves. */
    public List<ReviewView> queue(Boolean claimed, int limit, String officer) {
        String query = "status = ?1 and subject <> ?2"
                + (claimed == null ? "" : claimed ? " and claimedBy is not null" : " and claimedBy is null")
                + " order by submittedAt, id";
        return VerificationCase.<VerificationCase>find(query, VerificationStatus.IN_REVIEW, officer)
                .page(0, limit)
                .list()
                .stream()
                .map(c -> ReviewView.of(c, null))
                .toList();
    }

    public ReviewView get(UUID id) {
        return ReviewView.of(
                VerificationCase.<VerificationCase>findByIdOptional(id).orElseThrow(() -> notFound(id)), null);
    }

    @Transactional
    public ReviewView claim(String officer, UUID id) {
        VerificationCase c = inReview(id, officer);
        if (c.claimedBy != null && !c.claimedBy.equals(officer)) {
            throw ApiProblem.conflict("REVIEW_CLAIMED", "case " + id + " is claimed by another officer");
        }
        c.claimedBy = officer;
        c.claimedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return ReviewView.of(c, null);
    }

    @Transactional
    public ReviewView decide(String officer, UUID id, ReviewDecision decision) {
        VerificationCase c = inReview(id, officer);
        if (!officer.equals(c.claimedBy)) {
            throw ApiProblem.conflict("REVIEW_NOT_CLAIMED", "claim case " + id + " before deciding it");
        }
        String reason = decision.reason().strip();
        c.decidedBy = officer;
        c.decidedAt = OffsetDateTime.now(ZoneOffset.UTC);
        ConsistencyToken token;
        if ("VERIFIED".equals(decision.outcome())) {
            if (c.personalDataUnreadable) {
                throw ApiProblem.conflict(
                        "PERSONAL_DATA_UNREADABLE",
                        "case " + id + "'s personal data does not open, so it cannot be cleared; it may be rejected");
            }
            c.reasons = List.of(new Reason(REVIEWED_CLEAR, "an officer cleared the screening hits"));
            verifications.verifyNow(c, officer, reason);
            outbox.append(
                    IdentityEvents.TOPIC,
                    IdentityEvents.REVIEWED,
                    c.subject,
                    new IdentityEvents.CaseChanged(c.id, c.status, officer, "cleared"));
            token = verifications.verdict(c, IdentityEvents.VERIFIED);
        } else {
            c.reasons = List.of(new Reason(REVIEWED_REJECTED, "an officer confirmed the screening hit"));
            c.moveTo(VerificationStatus.REJECTED, officer, reason);
            outbox.append(
                    IdentityEvents.TOPIC,
                    IdentityEvents.REVIEWED,
                    c.subject,
                    new IdentityEvents.CaseChanged(c.id, c.status, officer, "confirmed"));
            token = c.kind == ReviewKind.RESCREENING
                    ? revokeVerified(c.subject, officer, reason)
                    : verifications.verdict(c, IdentityEvents.REJECTED);
        }
        return ReviewView.of(c, token.toString());
    }

    /** A confirmed hit on a verified customer ends their verification: each verified case is revoked and announced. */
    private ConsistencyToken revokeVerified(String subject, String officer, String reason) {
        List<VerificationCase> verified = VerificationCase.list(
                "subject = ?1 and status = ?2 order by submittedAt", subject, VerificationStatus.VERIFIED);
        List<Reason> confirmed = List.of(new Reason(SCREENING_HIT_CONFIRMED, "a confirmed sanctions match"));
        ConsistencyToken token = null;
        for (VerificationCase c : verified) {
            c.moveTo(VerificationStatus.REVOKED, officer, reason);
            c.reasons = confirmed;
            token = outbox.append(
                    IdentityEvents.TOPIC,
                    IdentityEvents.REVOKED,
                    subject,
                    new IdentityEvents.VerificationDecided(
                            c.id, VerificationStatus.REVOKED, c.nationalities, c.residenceCountry, confirmed));
        }
        if (token == null) { // nothing verified any more: still say so, for downstream state
            token = outbox.append(
                    IdentityEvents.TOPIC,
                    IdentityEvents.REVOKED,
                    subject,
                    new IdentityEvents.VerificationDecided(
                            null, VerificationStatus.REVOKED, List.of(), null, confirmed));
        }
        return token;
    }

    private static VerificationCase inReview(UUID id, String officer) {
        VerificationCase c = VerificationCase.<VerificationCase>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> notFound(id));
        if (officer.equals(c.subject)) {
            throw ApiProblem.forbidden("SELF_REVIEW_FORBIDDEN", "an officer cannot review a case about themselves");
        }
        if (c.status != VerificationStatus.IN_REVIEW) {
            throw ApiProblem.conflict("CASE_NOT_IN_REVIEW", "case " + id + " is " + c.status);
        }
        return c;
    }

    private static ApiProblem notFound(UUID id) {
        return ApiProblem.notFound("REVIEW_NOT_FOUND", "no case " + id);
    }
}
