package io.tiergate.audit.merkle;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;

/**
 * The committed size of the log and the right edge of its tree, in memory, so that appending and
 * making a checkpoint read nothing from the store. Loaded from the stored tree on first use.
 */
@ApplicationScoped
public class TreeState {

    @Inject
    EntityManager entityManager;

    @Inject
    NodeStore nodes;

    private CompactRange committed;

    /**
     * A copy of the tree as stored now, reloaded when another writer (instance, restore, bulk load) changed
     * it. An appender works on it under the append lock and publishes it with {@link #commit} once committed.
     */
    public synchronized CompactRange current() {
        if (committed == null || committed.size() != storedSize()) {
            committed = load();
        }
        return committed.copy();
    }

    public synchronized void commit(CompactRange range) {
        committed = range;
    }

    /** The committed size this instance knows, without asking the store (0 before the first load). */
    public synchronized long knownSize() {
        return committed == null ? 0 : committed.size();
    }

    long storedSize() {
        return QuarkusTransaction.joiningExisting()
                .call(() -> ((Number) entityManager
                                .createNativeQuery("SELECT coalesce(max(leaf_index) + 1, 0) FROM audit_entry")
                                .getSingleResult())
                        .longValue());
    }

    private CompactRange load() {
        long size = storedSize();
        List<NodeId> edge = MerkleTree.perfectSubtrees(0, size);
        Map<NodeId, byte[]> hashes = nodes.fetch(edge);
        return new CompactRange(size, edge.stream().map(MerkleTree.from(hashes)).toList());
    }
}
