package io.tiergate.identity.screening;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tiergate.commons.outbox.Outbox;
import io.tiergate.identity.verification.Reason;
import io.tiergate.identity.verification.ReviewKind;
import io.tiergate.identity.verification.VerificationCase;
import io.tiergate.identity.verification.VerificationService;
import io.tiergate.identity.verification.VerificationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * When the lists change, every verified customer and organization is screened again in the background. A new hit
 * on a customer opens a review case ({@link ReviewKind#RESCREENING}) and emits {@link ScreeningEvents#HIT}; on an
 * organization it puts the organization back in review ({@code organization.review-required}). Either way
 * tier-service suspends the grants until an officer has looked.
 */
@ApplicationScoped
public class Rescreening {

    private static final Logger LOG = Logger.getLogger(Rescreening.class);

    @Inject
    Screener screener;

    @Inject
    Outbox outbox;

    @Inject
    io.tiergate.identity.organization.OrganizationService organizations;

    void onListsChanged(@ObservesAsync ListsChanged changed) {
        int opened = rescreenVerified();
        LOG.infof("re-screened verified customers against lists %s: %d new review(s)", changed.version(), opened);
    }

    /** Re-screens every verified case, each in its own transaction; returns how many reviews it opened. */
    public int rescreenVerified() {
        List<UUID> verified = QuarkusTransaction.requiringNew()
                .call(() -> VerificationCase.<VerificationCase>list("status", VerificationStatus.VERIFIED).stream()
                        .map(c -> c.id)
                        .toList());
        int opened = 0;
        for (UUID id : verified) {
            if (QuarkusTransaction.requiringNew().call(() -> rescreen(id))) {
                opened++;
            }
        }
        List<UUID> organizationsVerified = QuarkusTransaction.requiringNew()
                .call(() -> io
                        .tiergate
                        .identity
                        .organization
                        .Organization
                        .<io.tiergate.identity.organization.Organization>list(
                                "status", io.tiergate.identity.organization.OrganizationStatus.VERIFIED)
                        .stream()
                        .map(o -> o.id)
                        .toList());
        for (UUID id : organizationsVerified) {
            if (organizations.rescreen(id)) {
                opened++;
            }
        }
        return opened;
    }

    private boolean rescreen(UUID id) {
        VerificationCase verified = VerificationCase.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (verified == null || verified.status != VerificationStatus.VERIFIED) {
            return false;
        }
        if (verified.personalDataUnreadable) {
            return false; // nothing to screen: UnreadablePersonalData has logged and counted it
        }
        List<ScreeningHit> hits = screener.screen(ScreeningQuery.person(
                verified.givenName + " " + verified.familyName, verified.dateOfBirth, verified.nationalities));
        List<ScreeningHit> fresh = ScreeningHit.newAmong(hits, verified.screeningHits);
        verified.screeningHits = hits;
        verified.listsVersion = screener.listsVersion();
        if (fresh.isEmpty()) {
            return false;
        }
        VerificationCase review = new VerificationCase();
        review.id = UUID.randomUUID();
        review.kind = ReviewKind.RESCREENING;
        review.subject = verified.subject;
        review.givenName = verified.givenName;
        review.familyName = verified.familyName;
        review.dateOfBirth = verified.dateOfBirth;
        review.nationalities = verified.nationalities;
        review.residenceCountry = verified.residenceCountry;
        review.submittedAt = OffsetDateTime.now(ZoneOffset.UTC);
        review.screeningHits = fresh;
        review.listsVersion = screener.listsVersion();
        review.reasons = List.of(
                new Reason(Screener.SCREENING_HIT, fresh.size() + " new possible match(es) after a list update"));
        review.open(VerificationService.SYSTEM_ACTOR, "re-screening after a list update");
        review.moveTo(VerificationStatus.SCREENING, VerificationService.SYSTEM_ACTOR, "lists " + review.listsVersion);
        review.moveTo(VerificationStatus.IN_REVIEW, VerificationService.SYSTEM_ACTOR, Screener.SCREENING_HIT);
        outbox.append(
                ScreeningEvents.TOPIC,
                ScreeningEvents.HIT,
                verified.subject,
                ScreeningEvents.ScreeningHitFound.of(review.id, review.listsVersion, fresh));
        return true;
    }
}
