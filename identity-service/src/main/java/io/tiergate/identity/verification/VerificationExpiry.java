package io.tiergate.identity.verification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Expires verifications past their validity; the customer verifies again to regain standing. */
@ApplicationScoped
public class VerificationExpiry {

    @Inject
    VerificationService verifications;

    @Scheduled(
            every = "${tiergate.identity.expiry-interval:60s}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void expireDue() {
        QuarkusTransaction.requiringNew().run(() -> {
            List<VerificationCase> due = VerificationCase.<VerificationCase>find(
                            "status = ?1 and expiresAt < ?2",
                            VerificationStatus.VERIFIED,
                            OffsetDateTime.now(ZoneOffset.UTC))
                    .withLock(LockModeType.PESSIMISTIC_WRITE)
                    .page(0, 200)
                    .list();
            for (VerificationCase c : due) {
                c.moveTo(VerificationStatus.EXPIRED, VerificationService.SYSTEM_ACTOR, "validity ended " + c.expiresAt);
                c.reasons = List.of(new Reason("VERIFICATION_EXPIRED", "verification validity ended; verify again"));
                verifications.verdict(c, IdentityEvents.EXPIRED);
            }
        });
    }
}
