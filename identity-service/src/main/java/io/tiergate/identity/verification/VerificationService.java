package io.tiergate.identity.verification;

import io.tiergate.commons.event.ConsistencyToken;
import io.tiergate.commons.outbox.Outbox;
import io.tiergate.identity.config.IdentityConfig;
import io.tiergate.identity.document.DocumentProvider;
import io.tiergate.identity.screening.Screener;
import io.tiergate.identity.screening.ScreeningHit;
import io.tiergate.identity.screening.ScreeningQuery;
import io.tiergate.identity.sybil.Fingerprints;
import io.tiergate.identity.sybil.SybilLinker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Opens a verification case and walks it through the state machine in one transaction: submitted, screened
 * against the sanctions lists, then verified, rejected by a rule, or sent to an officer's review. Every step is
 * recorded with its event.
 */
@ApplicationScoped
public class VerificationService {

    public static final String SYSTEM_ACTOR = "identity-service";
    public static final String DUPLICATE_IDENTITY = "DUPLICATE_IDENTITY";

    @Inject
    VerificationRules rules;

    @Inject
    Screener screener;

    @Inject
    Outbox outbox;

    @Inject
    DocumentProvider documents;

    @Inject
    Fingerprints fingerprints;

    @Inject
    SybilLinker linker;

    @Inject
    IdentityConfig config;

    @Transactional
    public VerificationView submit(String subject, VerificationRequest request) {
        VerificationRequest claims = normalize(request);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        VerificationCase verification = new VerificationCase();
        verification.id = UUID.randomUUID();
        verification.subject = subject;
        verification.givenName = claims.givenName();
        verification.familyName = claims.familyName();
        verification.dateOfBirth = claims.dateOfBirth();
        verification.nationalities = claims.nationalities();
        verification.residenceCountry = claims.residenceCountry();
        verification.submittedAt = now;
        verification.reasons = List.of();
        verification.open(subject, "submitted by the applicant");
        outbox.append(
                IdentityEvents.TOPIC,
                IdentityEvents.SUBMITTED,
                subject,
                new IdentityEvents.CaseChanged(verification.id, VerificationStatus.SUBMITTED, subject, "submitted"));

        verification.moveTo(VerificationStatus.SCREENING, SYSTEM_ACTOR, "rules, document, sanctions and duplicates");
        List<Reason> reasons = new ArrayList<>(rules.evaluate(claims));
        ScreeningQuery query = ScreeningQuery.person(
                claims.givenName() + " " + claims.familyName(), claims.dateOfBirth(), claims.nationalities());
        if (claims.document() != null) {
            reasons.addAll(documents.check(claims.document(), claims.dateOfBirth(), claims.nationalities()));
            String number = Fingerprints.documentNumber(claims.document().number());
            verification.documentType = claims.document().type().name();
            verification.documentHash = fingerprints.documentHash(claims.document());
            verification.documentLast4 = number.substring(Math.max(0, number.length() - 4));
            query = query.withIdentifiers(List.of(number)); // a listed passport number is decisive
        }
        List<ScreeningHit> hits = screener.screen(query);
        SybilLinker.Links links = linker.record(
                subject,
                verification.id,
                fingerprints.of(
                        claims.document(),
                        claims.email(),
                        claims.phone(),
                        claims.residenceCountry(),
                        claims.deviceId(),
                        claims.paymentFingerprint()));
        verification.clusterId = links.clusterId();
        verification.linkedSubjects = links.linkedSubjects();
        boolean linkedToDecided = links.linkedSubjects().stream().anyMatch(VerificationService::decided);
        verification.listsVersion = screener.listsVersion();
        verification.screeningHits = hits;
        verification.decidedAt = now;
        ConsistencyToken token;
        if (!reasons.isEmpty()) {
            verification.reasons = reasons;
            verification.moveTo(
                    VerificationStatus.REJECTED, SYSTEM_ACTOR, reasons.get(0).code());
            token = verdict(verification, IdentityEvents.REJECTED);
        } else if (!hits.isEmpty()
                || linkedToDecided
                || !rules.reviewReasons(claims).isEmpty()) {
            // Most serious first: a sanctions match, then a duplicate identity, then a country of concern.
            List<Reason> review = new ArrayList<>();
            if (!hits.isEmpty()) {
                review.add(new Reason(
                        Screener.SCREENING_HIT,
                        hits.size() + " possible match(es) on sanctions lists; an officer reviews the case"));
            }
            if (linkedToDecided) {
                review.add(new Reason(
                        DUPLICATE_IDENTITY,
                        "shares " + links.via() + " with an identity already verified or rejected (cluster "
                                + links.clusterId() + ")"));
            }
            review.addAll(rules.reviewReasons(claims));
            verification.reasons = review;
            verification.moveTo(
                    VerificationStatus.IN_REVIEW, SYSTEM_ACTOR, review.get(0).code());
            token = verdict(verification, IdentityEvents.REVIEW_REQUIRED);
        } else {
            verifyNow(verification, SYSTEM_ACTOR, "no rule failed, no screening hit");
            token = verdict(verification, IdentityEvents.VERIFIED);
        }
        return VerificationView.of(verification, token.toString());
    }

    /** VERIFIED, valid for the configured period. */
    public void verifyNow(VerificationCase verification, String actor, String reason) {
        verification.moveTo(VerificationStatus.VERIFIED, actor, reason);
        verification.expiresAt = OffsetDateTime.now(ZoneOffset.UTC).plus(config.verificationValidity());
    }

    /** The verdict event of the case's current status. */
    public ConsistencyToken verdict(VerificationCase verification, String type) {
        return outbox.append(
                IdentityEvents.TOPIC,
                type,
                verification.subject,
                new IdentityEvents.VerificationDecided(
                        verification.id,
                        verification.status,
                        verification.nationalities,
                        verification.residenceCountry,
                        verification.reasons));
    }

    /** Whether another subject's identity was already decided (verified, rejected, or later revoked). */
    private static boolean decided(String subject) {
        return VerificationCase.latestOf(subject)
                .map(c -> c.status == VerificationStatus.VERIFIED
                        || c.status == VerificationStatus.REJECTED
                        || c.status == VerificationStatus.REVOKED)
                .orElse(false);
    }

    public Optional<VerificationCase> find(UUID id) {
        return VerificationCase.findByIdOptional(id);
    }

    /** Names stripped, each nationality once; the country codes arrive upper-cased (VerificationRequest). */
    private static VerificationRequest normalize(VerificationRequest request) {
        return request.withClaims(
                request.givenName().strip(),
                request.familyName().strip(),
                request.nationalities().stream().distinct().toList(),
                request.residenceCountry());
    }
}
