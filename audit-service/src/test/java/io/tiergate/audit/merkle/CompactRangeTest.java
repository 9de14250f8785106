package io.tiergate.audit.merkle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tiergate.audit.verifier.Rfc6962;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The right edge of the tree as appends grow it: the nodes each append stores, and the root it gives. */
class CompactRangeTest {

    @Test
    void anEmptyRangeHasTheEmptyRoot() {
        assertArrayEquals(Rfc6962.emptyRoot(), CompactRange.empty().root());
        assertEquals(0, CompactRange.empty().size());
    }

    @Test
    void eachAppendStoresTheLeafAndEverySubtreeItCompletes() {
        CompactRange range = CompactRange.empty();
        List<byte[]> leaves = MerkleTreeTest.leafHashes(8);

        List<List<NodeId>> created = leaves.stream()
                .map(leaf -> range.append(leaf).stream()
                        .map(CompactRange.StoredNode::id)
                        .toList())
                .toList();

        assertEquals(List.of(new NodeId(0, 0)), created.get(0));
        assertEquals(List.of(new NodeId(0, 1), new NodeId(1, 0)), created.get(1));
        assertEquals(List.of(new NodeId(0, 2)), created.get(2));
        assertEquals(List.of(new NodeId(0, 3), new NodeId(1, 1), new NodeId(2, 0)), created.get(3));
        assertEquals(List.of(new NodeId(0, 7), new NodeId(1, 3), new NodeId(2, 1), new NodeId(3, 0)), created.get(7));
        assertEquals(8, range.size());
    }

    @Test
    void theRootAfterEveryAppendIsTheRfcRoot() {
        CompactRange range = CompactRange.empty();
        List<byte[]> leaves = MerkleTreeTest.leafHashes(33);
        for (int n = 1; n <= leaves.size(); n++) {
            range.append(leaves.get(n - 1));
            assertArrayEquals(MerkleTreeTest.referenceRoot(leaves.subList(0, n)), range.root(), "size " + n);
        }
    }

    @Test
    void aRangeRebuiltFromItsStoredEdgeContinuesWhereItLeftOff() {
        List<byte[]> leaves = MerkleTreeTest.leafHashes(13);
        var store = MerkleTreeTest.store(leaves.subList(0, 11));
        CompactRange reloaded = new CompactRange(
                11, MerkleTree.perfectSubtrees(0, 11).stream().map(store::get).toList());

        reloaded.append(leaves.get(11));
        reloaded.append(leaves.get(12));

        assertArrayEquals(MerkleTreeTest.referenceRoot(leaves), reloaded.root());
    }

    @Test
    void aCopyGrowsApartFromItsOriginal() {
        CompactRange original = CompactRange.empty();
        MerkleTreeTest.leafHashes(5).forEach(original::append);
        byte[] rootOfFive = original.root();

        CompactRange copy = original.copy();
        copy.append(Rfc6962.leafHash("sixth".getBytes()));

        assertEquals(5, original.size());
        assertArrayEquals(rootOfFive, original.root());
        assertEquals(6, copy.size());
    }

    @Test
    void anEdgeWithTheWrongNumberOfHashesIsRefused() {
        byte[] hash = new byte[32];
        assertThrows(IllegalArgumentException.class, () -> new CompactRange(3, List.of(hash)));
        assertThrows(IllegalArgumentException.class, () -> new CompactRange(4, List.of(hash, hash)));
    }
}
