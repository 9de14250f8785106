package io.tiergate.identity.campaign;

import io.tiergate.identity.verification.IdentityEvents;
import io.tiergate.identity.verification.Reason;
import io.tiergate.identity.verification.VerificationCase;
import io.tiergate.identity.verification.VerificationService;
import io.tiergate.identity.verification.VerificationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * An officer confirmed that an account took part in an extraction campaign: the person must verify again. Each of
 * their verified cases is revoked (VERIFIED → REVOKED, the step the state machine has for a verification that ends
 * early) and announced as {@code tiergate.identity.verification.revoked}; a new submission verifies them again.
 */
@ApplicationScoped
public class CampaignReverification {

    public static final String CAMPAIGN_CONFIRMED = "CAMPAIGN_CONFIRMED";

    @Inject
    VerificationService verifications;

    /** Revokes the subject's verified cases; returns how many. A person with none has nothing to lose here. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int require(String subject, String campaignId, String officer) {
        List<VerificationCase> verified = VerificationCase.<VerificationCase>find(
                        "subject = ?1 and status = ?2 order by submittedAt", subject, VerificationStatus.VERIFIED)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
        List<Reason> reasons = List.of(new Reason(
                CAMPAIGN_CONFIRMED,
                "an officer confirmed the account in extraction campaign " + campaignId + "; verify again"));
        for (VerificationCase c : verified) {
            c.moveTo(VerificationStatus.REVOKED, officer, "campaign " + campaignId + " confirmed");
            c.reasons = reasons;
            verifications.verdict(c, IdentityEvents.REVOKED);
        }
        return verified.size();
    }
}
