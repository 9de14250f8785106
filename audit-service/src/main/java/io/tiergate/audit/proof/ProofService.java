package io.tiergate.audit.proof;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tiergate.audit.log.AuditEntry;
import io.tiergate.audit.merkle.MerkleTree;
import io.tiergate.audit.merkle.NodeId;
import io.tiergate.audit.merkle.NodeStore;
import io.tiergate.audit.merkle.TreeState;
import io.tiergate.commons.problem.ApiProblem;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Inclusion and consistency proofs over the stored tree, for sizes the log has reached. */
@ApplicationScoped
public class ProofService {

    @Inject
    TreeState tree;

    @Inject
    NodeStore nodes;

    @Inject
    MeterRegistry meters;

    private Timer inclusionTimer;
    private Timer consistencyTimer;

    @PostConstruct
    void timers() {
        inclusionTimer = generationTimer("inclusion");
        consistencyTimer = generationTimer("consistency");
    }

    private Timer generationTimer(String kind) {
        return Timer.builder("tiergate.audit.proof.generation")
                .tag("kind", kind)
                .publishPercentiles(0.5, 0.99, 0.999)
                .register(meters);
    }

    public record InclusionProof(long leafIndex, long treeSize, String leafHash, List<String> proof) {}

    public record ConsistencyProof(long from, long to, List<String> proof) {}

    public InclusionProof inclusion(long leafIndex, long treeSize) {
        return inclusionTimer.record(() -> generateInclusion(leafIndex, treeSize));
    }

    private InclusionProof generateInclusion(long leafIndex, long treeSize) {
        requireSize(treeSize);
        if (leafIndex < 0 || leafIndex >= treeSize) {
            throw ApiProblem.badRequest("INDEX_OUT_OF_RANGE", "index must be in [0, treeSize)");
        }
        Set<NodeId> wanted = MerkleTree.nodesForInclusion(leafIndex, treeSize);
        NodeId leaf = new NodeId(0, leafIndex);
        var fetched = nodes.fetch(union(wanted, leaf));
        List<byte[]> proof = MerkleTree.inclusionProof(leafIndex, treeSize, MerkleTree.from(fetched));
        return new InclusionProof(
                leafIndex, treeSize, base64(MerkleTree.from(fetched).apply(leaf)), base64(proof));
    }

    public InclusionProof inclusion(UUID eventId, long treeSize) {
        AuditEntry entry = AuditEntry.<AuditEntry>find("eventId", eventId)
                .firstResultOptional()
                .orElseThrow(() -> ApiProblem.notFound("ENTRY_NOT_FOUND", "no entry for event " + eventId));
        return inclusion(entry.leafIndex, treeSize);
    }

    public ConsistencyProof consistency(long from, long to) {
        return consistencyTimer.record(() -> generateConsistency(from, to));
    }

    private ConsistencyProof generateConsistency(long from, long to) {
        requireSize(to);
        if (from < 1 || from > to) {
            throw ApiProblem.badRequest("INVALID_RANGE", "a consistency proof needs 1 <= from <= to");
        }
        var fetched = nodes.fetch(MerkleTree.nodesForConsistency(from, to));
        return new ConsistencyProof(from, to, base64(MerkleTree.consistencyProof(from, to, MerkleTree.from(fetched))));
    }

    private void requireSize(long treeSize) {
        long size = tree.knownSize();
        if (treeSize > size) {
            size = tree.current().size(); // another writer may have grown the log
        }
        if (treeSize < 1 || treeSize > size) {
            throw ApiProblem.badRequest("TREE_SIZE_OUT_OF_RANGE", "treeSize must be in [1, " + size + "]");
        }
    }

    private static Set<NodeId> union(Set<NodeId> nodes, NodeId extra) {
        var all = new java.util.LinkedHashSet<>(nodes);
        all.add(extra);
        return all;
    }

    static String base64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }

    static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(ProofService::base64).toList();
    }
}
