package io.tiergate.audit.shredding;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Rotation of the key-encryption key: rewraps, under the active KEK, every subject key still wrapped under a retired
 * one or from before key ids, a batch at a time, counting them in {@code tiergate_audit_subject_keys_rewrapped_total}.
 * The subject keys themselves stay the same, so the log's sealed data needs nothing. Once {@link #pending()} is 0
 * the retired KEK can be removed (docs/runbook.md, "Rotating the audit key-encryption key").
 */
@ApplicationScoped
public class SubjectKeyRotation {

    private static final Logger LOG = Logger.getLogger(SubjectKeyRotation.class);
    static final String REWRAPPED = "tiergate.audit.subject.keys.rewrapped";
    static final int BATCH = 500;

    @Inject
    DatabaseSubjectKeyStore store;

    @Inject
    KeyEncryptionKeys keks;

    @Inject
    MeterRegistry meters;

    /** Registers the counters at start, so that a dashboard sees zeros; a misconfigured KEK stops the start here. */
    void register(@Observes StartupEvent started) {
        rewrapped();
        meters.counter(DatabaseSubjectKeyStore.UNREADABLE);
        LOG.debugf("subject keys are wrapped under key-encryption key %s", keks.activeId());
    }

    @Scheduled(
            every = "${tiergate.audit.key-rotation-interval:60s}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int rewrapped = rotate();
        if (rewrapped > 0) {
            LOG.infof("rewrapped %d subject keys under key-encryption key %s", rewrapped, keks.activeId());
        }
    }

    /** Rewraps every subject key not under the active KEK that opens; returns how many were rewrapped. */
    public int rotate() {
        int total = 0;
        String after = null;
        DatabaseSubjectKeyStore.Rewrapped batch;
        do {
            String start = after;
            batch = QuarkusTransaction.requiringNew().call(() -> store.rewrapBatch(start, BATCH));
            rewrapped().increment(batch.rewrapped());
            total += batch.rewrapped();
            after = batch.lastSubject();
        } while (batch.seen() == BATCH);
        return total;
    }

    /** Subject keys not yet under the active KEK. */
    public long pending() {
        return store.notUnderActiveKek();
    }

    private Counter rewrapped() {
        return Counter.builder(REWRAPPED)
                .description("subject keys rewrapped under the active key-encryption key")
                .register(meters);
    }
}
