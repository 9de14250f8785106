package io.tiergate.audit.verifier;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The two hashes of RFC 6962 §2.1: leaves and interior nodes are domain-separated by a prefix byte. */
public final class Rfc6962 {

    public static final int HASH_SIZE = 32;

    private Rfc6962() {}

    /** SHA-256(0x00 || entry). */
    public static byte[] leafHash(byte[] entry) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x00);
        sha256.update(entry);
        return sha256.digest();
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x01);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    /** The hash of an empty tree: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
