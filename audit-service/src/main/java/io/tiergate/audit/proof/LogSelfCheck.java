package io.tiergate.audit.proof;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.tiergate.audit.log.AuditEntry;
import io.tiergate.audit.merkle.CompactRange;
import io.tiergate.audit.merkle.NodeId;
import io.tiergate.audit.merkle.NodeStore;
import io.tiergate.audit.verifier.Checkpoint;
import io.tiergate.audit.verifier.Rfc6962;
import io.tiergate.audit.verifier.SignedNote;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Recomputes every leaf from its entry, every stored subtree from the leaves, and the latest signed
 * root, in pages so memory stays flat. Runs on a schedule; a mismatch turns readiness DOWN.
 */
@ApplicationScoped
public class LogSelfCheck {

    private static final Logger LOG = Logger.getLogger(LogSelfCheck.class);
    static final int PAGE = 1000;

    @Inject
    EntityManager entityManager;

    @Inject
    NodeStore nodes;

    @Inject
    CheckpointSigner signer;

    @Inject
    MeterRegistry meters;

    private volatile LogVerification last;

    @PostConstruct
    void registerMetric() {
        meters.gauge("tiergate.audit.integrity.valid", this, check -> check.last == null || check.last.valid() ? 1 : 0);
    }

    public LogVerification last() {
        return last;
    }

    @Scheduled(every = "${tiergate.audit.self-check-interval:5m}", delayed = "30s")
    void scheduled() {
        LogVerification result = verify();
        if (!result.valid()) {
            LOG.errorf(
                    "audit log integrity check failed at index %s: %s", result.firstInvalidIndex(), result.problem());
        }
    }

    @Transactional
    public LogVerification verify() {
        SignedCheckpoint checkpoint = SignedCheckpoint.latest();
        long checkpointSize = checkpoint == null ? 0 : checkpoint.treeSize;
        CompactRange range = CompactRange.empty();
        long expected = 0;
        String rootProblem = null;
        while (true) {
            List<AuditEntry> page = AuditEntry.find("leafIndex >= ?1 order by leafIndex", expected)
                    .page(0, PAGE)
                    .list();
            List<CompactRange.StoredNode> computed = new ArrayList<>();
            for (AuditEntry entry : page) {
                if (entry.leafIndex != expected) {
                    return done(false, expected, checkpointSize, expected, "entry " + expected + " is missing");
                }
                byte[] leaf = Rfc6962.leafHash(entry.entry);
                if (!Arrays.equals(leaf, entry.leafHash)) {
                    return done(
                            false,
                            expected,
                            checkpointSize,
                            expected,
                            "entry " + expected + " does not match its leaf hash");
                }
                computed.addAll(range.append(leaf));
                expected++;
                if (range.size() == checkpointSize && !Arrays.equals(range.root(), checkpoint.rootHash)) {
                    rootProblem = "the entries do not produce the root of checkpoint " + checkpointSize;
                }
            }
            Map<NodeId, byte[]> stored = nodes.fetch(
                    computed.stream().map(CompactRange.StoredNode::id).toList());
            for (CompactRange.StoredNode node : computed) {
                if (!Arrays.equals(node.hash(), stored.get(node.id()))) {
                    return done(
                            false,
                            expected,
                            checkpointSize,
                            node.id().firstLeaf(),
                            "stored tree node " + node.id() + " does not match the entries");
                }
            }
            entityManager.clear();
            if (page.size() < PAGE) {
                break;
            }
        }
        if (checkpoint != null) {
            try {
                Checkpoint signed = Checkpoint.parse(SignedNote.verify(checkpoint.note, signer.verifierKey()));
                if (signed.treeSize() != checkpointSize || !Arrays.equals(signed.rootHash(), checkpoint.rootHash)) {
                    rootProblem = "checkpoint " + checkpointSize + " does not match its signed note";
                }
            } catch (IllegalArgumentException e) {
                rootProblem = "checkpoint " + checkpointSize + " signature: " + e.getMessage();
            }
            if (expected < checkpointSize) {
                return done(false, expected, checkpointSize, expected, "entries end before the checkpoint's size");
            }
        }
        return done(rootProblem == null, expected, checkpointSize, null, rootProblem);
    }

    private LogVerification done(boolean valid, long entries, long checkpointSize, Long index, String problem) {
        last = new LogVerification(valid, entries, checkpointSize, index, problem);
        return last;
    }
}
