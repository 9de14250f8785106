package io.tiergate.audit.merkle;

/**
 * A perfect subtree: the {@code index}-th run of 2^level leaves, covering leaves
 * [index·2^level, (index+1)·2^level). Level 0 nodes are the leaves.
 */
public record NodeId(int level, long index) {

    public long firstLeaf() {
        return index << level;
    }
}
