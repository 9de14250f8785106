package io.tiergate.audit.verifier;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * C2SP signed notes with Ed25519 (https://c2sp.org/signed-note): a text body, a blank line, then
 * lines "— name base64(keyhash[4] || signature[64])". The key hash is the first four bytes of
 * SHA-256(name || "\n" || 0x01 || publicKey).
 */
public final class SignedNote {

    static final String SIGNATURE_PREFIX = "\u2014 ";
    static final byte ED25519 = 0x01;

    private SignedNote() {}

    public static byte[] keyHash(String name, byte[] publicKey) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(name.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update(ED25519);
            sha256.update(publicKey);
            return Arrays.copyOf(sha256.digest(), 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The verifier key line: {@code name+hex(keyhash)+base64(0x01 || publicKey)}. */
    public static String verifierKey(String name, byte[] publicKey) {
        byte[] typed = new byte[publicKey.length + 1];
        typed[0] = ED25519;
        System.arraycopy(publicKey, 0, typed, 1, publicKey.length);
        return name + "+" + HexFormat.of().formatHex(keyHash(name, publicKey)) + "+"
                + Base64.getEncoder().encodeToString(typed);
    }

    /** The note's body if a signature by the verifier key holds; otherwise an exception saying why. */
    public static String verify(String note, String verifierKey) {
        String[] key = verifierKey.split("\\+", 3);
        if (key.length != 3) {
            throw new IllegalArgumentException("verifier key must be name+keyhash+base64key");
        }
        String name = key[0];
        byte[] typed = Base64.getDecoder().decode(key[2]);
        if (typed.length != 33 || typed[0] != ED25519) {
            throw new IllegalArgumentException("verifier key is not an Ed25519 key");
        }
        byte[] publicKey = Arrays.copyOfRange(typed, 1, 33);
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException("note has no signature block");
        }
        String body = note.substring(0, split + 1);
        for (String line : note.substring(split + 2).split("\n")) {
            if (!line.startsWith(SIGNATURE_PREFIX)) {
                continue;
            }
            String[] parts = line.substring(SIGNATURE_PREFIX.length()).split(" ");
            if (parts.length != 2 || !parts[0].equals(name)) {
                continue;
            }
            byte[] signed = Base64.getDecoder().decode(parts[1]);
            if (signed.length != 68 || !Arrays.equals(Arrays.copyOf(signed, 4), keyHash(name, publicKey))) {
                continue;
            }
            if (ed25519Verify(publicKey, body.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(signed, 4, 68))) {
                return body;
            }
            throw new IllegalArgumentException("the signature of " + name + " does not verify");
        }
        throw new IllegalArgumentException("no signature by " + name);
    }

    static boolean ed25519Verify(byte[] publicKey, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(Ed25519Keys.decode(publicKey));
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
