package io.tiergate.audit.merkle;

import static io.tiergate.audit.verifier.CtTestVectors.b64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiergate.audit.verifier.CtTestVectors;
import io.tiergate.audit.verifier.ProofVerifier;
import io.tiergate.audit.verifier.Rfc6962;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The stored-subtree tree against the CT reference vectors and the RFC's own verification algorithms. */
class MerkleTreeTest {

    /** Builds the store a log of these leaves would have, as appends write it. */
    static Map<NodeId, byte[]> store(List<byte[]> leafHashes) {
        Map<NodeId, byte[]> store = new HashMap<>();
        CompactRange range = CompactRange.empty();
        for (byte[] leaf : leafHashes) {
            range.append(leaf).forEach(node -> store.put(node.id(), node.hash()));
        }
        return store;
    }

    /** MTH exactly as RFC 6962 §2.1 writes it, over leaf hashes. */
    static byte[] referenceRoot(List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return Rfc6962.nodeHash(referenceRoot(leaves.subList(0, k)), referenceRoot(leaves.subList(k, leaves.size())));
    }

    static List<byte[]> leafHashes(int count) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> Rfc6962.leafHash(("entry-" + i).getBytes()))
                .toList();
    }

    @Test
    void rootsAndProofsEqualTheCtReferenceVectors() {
        List<byte[]> leaves =
                CtTestVectors.LEAVES.stream().map(Rfc6962::leafHash).toList();
        Function<NodeId, byte[]> nodes = MerkleTree.from(store(leaves));
        CtTestVectors.ROOTS.forEach(
                (size, root) -> assertArrayEquals(b64(root), MerkleTree.root(size, nodes), "root " + size));
        for (CtTestVectors.Inclusion v : CtTestVectors.INCLUSIONS) {
            assertEquals(
                    v.proof(), base64(MerkleTree.inclusionProof(v.leafIndex(), v.treeSize(), nodes)), v.toString());
        }
        for (CtTestVectors.Consistency v : CtTestVectors.CONSISTENCIES) {
            assertEquals(v.proof(), base64(MerkleTree.consistencyProof(v.size1(), v.size2(), nodes)), v.toString());
        }
    }

    @Test
    void everyProofOfEveryTreeUpTo70LeavesVerifies() {
        List<byte[]> leaves = leafHashes(70);
        Function<NodeId, byte[]> nodes = MerkleTree.from(store(leaves));
        for (int size = 1; size <= leaves.size(); size++) {
            byte[] root = MerkleTree.root(size, nodes);
            assertArrayEquals(referenceRoot(leaves.subList(0, size)), root, "root of " + size);
            for (int leaf = 0; leaf < size; leaf++) {
                assertTrue(
                        ProofVerifier.verifyInclusion(
                                leaf, size, leaves.get(leaf), MerkleTree.inclusionProof(leaf, size, nodes), root),
                        leaf + " in " + size);
            }
            for (int older = 1; older <= size; older++) {
                assertTrue(
                        ProofVerifier.verifyConsistency(
                                older,
                                size,
                                MerkleTree.root(older, nodes),
                                root,
                                MerkleTree.consistencyProof(older, size, nodes)),
                        older + " to " + size);
            }
        }
    }

    @Test
    void proofsReadOnlyTheNodesTheyAnnounce() {
        Map<NodeId, byte[]> all = store(leafHashes(1000));
        for (long[] c : new long[][] {{0, 1000}, {999, 1000}, {517, 777}, {3, 5}}) {
            Map<NodeId, byte[]> announced = new HashMap<>();
            MerkleTree.nodesForInclusion(c[0], c[1]).forEach(id -> announced.put(id, all.get(id)));
            assertTrue(announced.values().stream().allMatch(h -> h != null), "announced nodes are stored");
            assertEquals(
                    base64(MerkleTree.inclusionProof(c[0], c[1], MerkleTree.from(all))),
                    base64(MerkleTree.inclusionProof(c[0], c[1], MerkleTree.from(announced))));
            announced.clear();
            MerkleTree.nodesForConsistency(c[0] + 1, c[1]).forEach(id -> announced.put(id, all.get(id)));
            assertEquals(
                    base64(MerkleTree.consistencyProof(c[0] + 1, c[1], MerkleTree.from(all))),
                    base64(MerkleTree.consistencyProof(c[0] + 1, c[1], MerkleTree.from(announced))));
        }
        assertTrue(Arrays.equals(CompactRange.empty().root(), Rfc6962.emptyRoot()));
    }

    static List<String> base64(List<byte[]> hashes) {
        return hashes.stream()
                .map(h -> java.util.Base64.getEncoder().encodeToString(h))
                .toList();
    }
}
