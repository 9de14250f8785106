package io.tiergate.audit.proof;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tiergate.audit.config.AuditConfig;
import io.tiergate.audit.merkle.CompactRange;
import io.tiergate.audit.merkle.TreeState;
import io.tiergate.audit.verifier.Checkpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Signs a checkpoint every N entries or every T, whichever comes first, from the in-memory right edge of
 * the tree (no store reads).
 */
@ApplicationScoped
public class Checkpointer {

    private static final Logger LOG = Logger.getLogger(Checkpointer.class);

    @Inject
    AuditConfig config;

    @Inject
    CheckpointSigner signer;

    @Inject
    TreeState tree;

    private final Semaphore due = new Semaphore(0);
    private volatile long signedSize;
    private volatile boolean running;

    void start(@Observes StartupEvent ignored) {
        SignedCheckpoint latest = QuarkusTransaction.requiringNew().call(() -> SignedCheckpoint.latest());
        signedSize = latest == null ? 0 : latest.treeSize;
        running = true;
        Thread worker = new Thread(this::run, "checkpointer");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        due.release();
    }

    /** Called after each committed append. */
    public void appended(long size) {
        if (size - signedSize >= config.checkpointEvery()) {
            due.release();
        }
    }

    private void run() {
        while (running) {
            try {
                due.tryAcquire(config.checkpointInterval().toMillis(), TimeUnit.MILLISECONDS);
                due.drainPermits();
                if (running) {
                    checkpoint();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("checkpoint not made (%s); retrying", e.getClass().getSimpleName());
            }
        }
    }

    /** Signs the current tree if it grew since the last checkpoint; returns the latest checkpoint size. */
    public synchronized long checkpoint() {
        CompactRange range = tree.current();
        if (range.size() <= signedSize) {
            return signedSize;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        SignedCheckpoint checkpoint = new SignedCheckpoint();
        checkpoint.treeSize = range.size();
        checkpoint.rootHash = range.root();
        checkpoint.createdAt = now;
        checkpoint.note =
                signer.sign(new Checkpoint(signer.origin(), range.size(), checkpoint.rootHash, now.toString()).body());
        QuarkusTransaction.requiringNew().run(checkpoint::persist);
        signedSize = range.size();
        return signedSize;
    }
}
