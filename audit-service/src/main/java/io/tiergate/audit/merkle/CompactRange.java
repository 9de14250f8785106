package io.tiergate.audit.merkle;

import io.tiergate.audit.verifier.Rfc6962;
import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a growing tree: one perfect-subtree hash per set bit of the size. Appending a leaf
 * returns the perfect subtrees it completes (to be stored), in O(log n), without reading the store.
 */
public final class CompactRange {

    private long size;
    /** Hashes of the perfect subtrees covering [0, size), largest (leftmost) first. */
    private final List<byte[]> hashes = new ArrayList<>();

    public CompactRange(long size, List<byte[]> hashes) {
        this.size = size;
        this.hashes.addAll(hashes);
        if (Long.bitCount(size) != hashes.size()) {
            throw new IllegalArgumentException(
                    "a compact range of size " + size + " needs " + Long.bitCount(size) + " hashes");
        }
    }

    public static CompactRange empty() {
        return new CompactRange(0, List.of());
    }

    public long size() {
        return size;
    }

    public CompactRange copy() {
        return new CompactRange(size, hashes);
    }

    /** Appends a leaf hash; returns every node it creates, the leaf itself first. */
    public List<StoredNode> append(byte[] leafHash) {
        List<StoredNode> created = new ArrayList<>();
        long index = size;
        byte[] hash = leafHash;
        int level = 0;
        created.add(new StoredNode(new NodeId(0, index), hash));
        while ((index & 1) == 1) {
            byte[] left = hashes.remove(hashes.size() - 1);
            hash = Rfc6962.nodeHash(left, hash);
            index >>= 1;
            level++;
            created.add(new StoredNode(new NodeId(level, index), hash));
        }
        hashes.add(hash);
        size++;
        return created;
    }

    public byte[] root() {
        if (size == 0) {
            return Rfc6962.emptyRoot();
        }
        byte[] root = hashes.get(hashes.size() - 1);
        for (int i = hashes.size() - 2; i >= 0; i--) {
            root = Rfc6962.nodeHash(hashes.get(i), root);
        }
        return root;
    }

    public record StoredNode(NodeId id, byte[] hash) {}
}
