package io.tiergate.audit.verifier;

import static io.tiergate.audit.verifier.CtTestVectors.b64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProofVerifierTest {

    @Test
    void leafHashesMatchTheReferenceVectors() {
        for (CtTestVectors.Inclusion v : CtTestVectors.INCLUSIONS) {
            assertArrayEquals(b64(v.leafHash()), Rfc6962.leafHash(CtTestVectors.LEAVES.get((int) v.leafIndex())));
        }
    }

    @Test
    void referenceInclusionProofsVerifyAndMutationsDoNot() {
        for (CtTestVectors.Inclusion v : CtTestVectors.INCLUSIONS) {
            byte[] root = b64(CtTestVectors.ROOTS.get((int) v.treeSize()));
            List<byte[]> proof = b64(v.proof());
            assertTrue(
                    ProofVerifier.verifyInclusion(v.leafIndex(), v.treeSize(), b64(v.leafHash()), proof, root),
                    v.toString());
            assertFalse(ProofVerifier.verifyInclusion(v.leafIndex() + 1, v.treeSize(), b64(v.leafHash()), proof, root));
            assertFalse(ProofVerifier.verifyInclusion(
                    v.leafIndex(), v.treeSize(), Rfc6962.leafHash(new byte[] {42}), proof, root));
            if (!proof.isEmpty()) {
                List<byte[]> flipped = new ArrayList<>(proof);
                byte[] first = flipped.get(0).clone();
                first[0] ^= 1;
                flipped.set(0, first);
                assertFalse(
                        ProofVerifier.verifyInclusion(v.leafIndex(), v.treeSize(), b64(v.leafHash()), flipped, root));
                assertFalse(ProofVerifier.verifyInclusion(
                        v.leafIndex(), v.treeSize(), b64(v.leafHash()), proof.subList(0, proof.size() - 1), root));
            }
        }
    }

    @Test
    void referenceConsistencyProofsVerifyAndMutationsDoNot() {
        for (CtTestVectors.Consistency v : CtTestVectors.CONSISTENCIES) {
            byte[] root1 = b64(CtTestVectors.ROOTS.get((int) v.size1()));
            byte[] root2 = b64(CtTestVectors.ROOTS.get((int) v.size2()));
            List<byte[]> proof = b64(v.proof());
            assertTrue(ProofVerifier.verifyConsistency(v.size1(), v.size2(), root1, root2, proof), v.toString());
            assertFalse(ProofVerifier.verifyConsistency(v.size1(), v.size2(), root2, root1, proof));
            assertFalse(ProofVerifier.verifyConsistency(v.size2(), v.size1(), root1, root2, proof));
            assertFalse(ProofVerifier.verifyConsistency(
                    v.size1(), v.size2(), root1, root2, proof.subList(1, proof.size())));
        }
    }

    @Test
    void signedNotesVerifyOnlyWithTheRightKeyAndBody() throws Exception {
        var generator = java.security.KeyPairGenerator.getInstance("Ed25519");
        var pair = generator.generateKeyPair();
        byte[] publicKey = Ed25519Keys.encode(pair.getPublic());
        String body =
                new Checkpoint("example.test/log", 8, b64(CtTestVectors.ROOTS.get(8)), "2026-11-23T00:00:00Z").body();
        var signer = java.security.Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] signature = signer.sign();
        byte[] signed = new byte[68];
        System.arraycopy(SignedNote.keyHash("example.test/log", publicKey), 0, signed, 0, 4);
        System.arraycopy(signature, 0, signed, 4, 64);
        String note = body + "\n\u2014 example.test/log " + Base64.getEncoder().encodeToString(signed) + "\n";
        String key = SignedNote.verifierKey("example.test/log", publicKey);

        assertArrayEquals(
                b64(CtTestVectors.ROOTS.get(8)),
                Checkpoint.parse(SignedNote.verify(note, key)).rootHash());
        String forged = note.replace("\n8\n", "\n9\n");
        assertThrowsIllegal(() -> SignedNote.verify(forged, key));
        byte[] otherKey = Ed25519Keys.encode(generator.generateKeyPair().getPublic());
        assertThrowsIllegal(() -> SignedNote.verify(note, SignedNote.verifierKey("example.test/log", otherKey)));
    }

    private static void assertThrowsIllegal(Runnable check) {
        try {
            check.run();
        } catch (IllegalArgumentException expected) {
            return;
        }
        throw new AssertionError("expected the note to be rejected");
    }
}
