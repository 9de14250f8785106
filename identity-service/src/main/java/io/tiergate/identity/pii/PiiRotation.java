package io.tiergate.identity.pii;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.tiergate.identity.organization.OrganizationParty;
import io.tiergate.identity.verification.VerificationCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Key rotation of personal data at rest: reseals, under the active key, every value still sealed under a retired
 * key or written before key ids, a batch at a time. Once {@link #pending()} is 0 the retired key can be removed (see
 * docs/runbook.md).
 */
@ApplicationScoped
public class PiiRotation {

    private static final Logger LOG = Logger.getLogger(PiiRotation.class);
    static final int BATCH = 500;

    @Scheduled(
            every = "${tiergate.identity.pii-rotation-interval:60s}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int resealed = rotate();
        if (resealed > 0) {
            LOG.infof(
                    "resealed %d rows of personal data under key %s",
                    resealed, PiiCipher.configured().activeKeyId());
        }
    }

    /** Reseals every row not under the active key (and readable); returns how many rows were looked at. */
    public int rotate() {
        int total = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(this::resealBatch);
            total += done;
        } while (done == BATCH);
        return total;
    }

    /** Rows with a value not under the active key. */
    public long pending() {
        String current = current();
        return QuarkusTransaction.requiringNew()
                .call(() -> VerificationCase.count(CASES, current) + OrganizationParty.count(PARTIES, current));
    }

    static final String CASES =
            "givenNameSealed not like ?1 or familyNameSealed not like ?1 or dateOfBirthSealed not like ?1";
    static final String PARTIES = "nameSealed not like ?1";

    private static String current() {
        return PiiCipher.configured().currentPrefix() + "%";
    }

    private int resealBatch() {
        PiiCipher cipher = PiiCipher.configured();
        String current = current();
        List<VerificationCase> cases = VerificationCase.<VerificationCase>find(CASES, current)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .page(0, BATCH)
                .list();
        // a row whose data does not open stays as it is, for the incident (UnreadablePersonalData alerts on it)
        int resealed = 0;
        for (VerificationCase c : cases) {
            if (!c.personalDataUnreadable) {
                c.reseal(cipher);
                resealed++;
            }
        }
        int room = BATCH - cases.size();
        List<OrganizationParty> parties = room == 0
                ? List.of()
                : OrganizationParty.<OrganizationParty>find(PARTIES, current)
                        .withLock(LockModeType.PESSIMISTIC_WRITE)
                        .page(0, room)
                        .list();
        for (OrganizationParty p : parties) {
            if (!p.personalDataUnreadable) {
                p.reseal(cipher);
                resealed++;
            }
        }
        // a full page of unreadable rows would be read again and again: stop when a page reseals nothing
        return resealed == 0 ? 0 : cases.size() + parties.size();
    }
}
