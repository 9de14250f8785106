package io.tiergate.audit.merkle;

import io.tiergate.audit.verifier.Rfc6962;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * RFC 6962 (RFC 9162 §2.1) tree hashes and proofs over a log whose perfect subtrees are stored.
 * Every range the RFC's recursion visits splits into aligned perfect subtrees, so a proof needs only
 * O(log n) stored nodes: callers first ask which ({@link #nodesForInclusion}), fetch them in one go,
 * then compute.
 */
public final class MerkleTree {

    private MerkleTree() {}

    /** Largest power of two strictly smaller than n (n ≥ 2). */
    static long splitPoint(long n) {
        return Long.highestOneBit(n - 1);
    }

    /** The aligned perfect subtrees that make up leaves [start, end), left to right. */
    public static List<NodeId> perfectSubtrees(long start, long end) {
        List<NodeId> nodes = new ArrayList<>();
        while (start < end) {
            int level = start == 0 ? 62 : Math.min(62, Long.numberOfTrailingZeros(start));
            while (level > 0 && start + (1L << level) > end) {
                level--;
            }
            nodes.add(new NodeId(level, start >> level));
            start += 1L << level;
        }
        return nodes;
    }

    /** MTH(D[start:end]) from stored perfect subtrees. */
    public static byte[] rangeHash(long start, long end, Function<NodeId, byte[]> nodes) {
        List<NodeId> parts = perfectSubtrees(start, end);
        // Perfect subtrees shrink left to right, so the RFC tree folds them from the right.
        byte[] hash = nodes.apply(parts.get(parts.size() - 1));
        for (int i = parts.size() - 2; i >= 0; i--) {
            hash = Rfc6962.nodeHash(nodes.apply(parts.get(i)), hash);
        }
        return hash;
    }

    public static byte[] root(long size, Function<NodeId, byte[]> nodes) {
        return size == 0 ? Rfc6962.emptyRoot() : rangeHash(0, size, nodes);
    }

    /** PATH(m, D[0:n]) of RFC 9162 §2.1.3.1, leaf to root. */
    public static List<byte[]> inclusionProof(long leaf, long size, Function<NodeId, byte[]> nodes) {
        List<byte[]> proof = new ArrayList<>();
        path(leaf, 0, size, nodes, proof);
        return proof;
    }

    private static void path(long m, long start, long end, Function<NodeId, byte[]> nodes, List<byte[]> proof) {
        long n = end - start;
        if (n <= 1) {
            return;
        }
        long k = splitPoint(n);
        if (m < k) {
            path(m, start, start + k, nodes, proof);
            proof.add(rangeHash(start + k, end, nodes));
        } else {
            path(m - k, start + k, end, nodes, proof);
            proof.add(rangeHash(start, start + k, nodes));
        }
    }

    /** PROOF(m, D[0:n]) of RFC 9162 §2.1.4.1, for 0 < m ≤ n. */
    public static List<byte[]> consistencyProof(long m, long size, Function<NodeId, byte[]> nodes) {
        List<byte[]> proof = new ArrayList<>();
        subproof(m, 0, size, true, nodes, proof);
        return proof;
    }

    private static void subproof(
            long m, long start, long end, boolean complete, Function<NodeId, byte[]> nodes, List<byte[]> proof) {
        long n = end - start;
        if (m == n) {
            if (!complete) {
                proof.add(rangeHash(start, end, nodes));
            }
            return;
        }
        long k = splitPoint(n);
        if (m <= k) {
            subproof(m, start, start + k, complete, nodes, proof);
            proof.add(rangeHash(start + k, end, nodes));
        } else {
            subproof(m - k, start + k, end, false, nodes, proof);
            proof.add(rangeHash(start, start + k, nodes));
        }
    }

    /** Which stored nodes {@link #inclusionProof} will read, so they can be fetched in one query. */
    public static Set<NodeId> nodesForInclusion(long leaf, long size) {
        return recordNodes(nodes -> inclusionProof(leaf, size, nodes));
    }

    public static Set<NodeId> nodesForConsistency(long m, long size) {
        return recordNodes(nodes -> consistencyProof(m, size, nodes));
    }

    public static Set<NodeId> nodesForRoot(long size) {
        return size == 0 ? Set.of() : Set.copyOf(perfectSubtrees(0, size));
    }

    private static Set<NodeId> recordNodes(java.util.function.Consumer<Function<NodeId, byte[]>> computation) {
        Set<NodeId> wanted = new LinkedHashSet<>();
        byte[] placeholder = new byte[Rfc6962.HASH_SIZE];
        computation.accept(node -> {
            wanted.add(node);
            return placeholder;
        });
        return wanted;
    }

    /** Looks nodes up in a map, failing loudly if the store lacks one (a gap in the stored tree). */
    public static Function<NodeId, byte[]> from(Map<NodeId, byte[]> fetched) {
        return node -> {
            byte[] hash = fetched.get(node);
            if (hash == null) {
                throw new IllegalStateException("stored tree lacks node " + node);
            }
            return hash;
        };
    }
}
