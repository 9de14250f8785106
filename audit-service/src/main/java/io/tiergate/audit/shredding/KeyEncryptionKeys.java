package io.tiergate.audit.shredding;

import io.tiergate.audit.config.AuditConfig;
import io.tiergate.commons.crypto.Aead;
import io.tiergate.commons.input.ControlCharacters;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The key-encryption keys (KEKs) that wrap subject keys, AES-256-GCM. Each wrapped key is stored with the id of its
 * KEK and sealed with associated data naming the column, the subject and that id: a wrapped key copied to another
 * subject, or relabelled with another id, does not open. New keys are wrapped under the active KEK
 * ({@code tiergate.audit.key-encryption-key}, id {@code tiergate.audit.key-encryption-key-id}, {@code k1} unless
 * set); retired KEKs ({@code tiergate.audit.retired-key-encryption-keys}, {@code id=base64,...}) still unwrap, and
 * {@link SubjectKeyRotation} rewraps what they hold. Keys wrapped before key ids (no id; the subject alone as
 * associated data) unwrap under any configured KEK.
 */
@Singleton
public class KeyEncryptionKeys {

    static final String COLUMN = "subject_key.wrapped_key";

    /** A subject key as stored: the id of the KEK it is wrapped under, and nonce || ciphertext || tag. */
    public record Wrapped(String kekId, byte[] wrappedKey) {}

    /** A stored subject key that does not open: moved, altered, or under a KEK that is not configured. */
    public static final class Unreadable extends IllegalStateException {
        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final String activeId;
    private final Map<String, byte[]> keks = new LinkedHashMap<>();

    @Inject
    KeyEncryptionKeys(AuditConfig config) {
        this(
                config.keyEncryptionKeyId(),
                decode(config.keyEncryptionKey(), "tiergate.audit.key-encryption-key"),
                config.retiredKeyEncryptionKeys()
                        .map(KeyEncryptionKeys::parseRetired)
                        .orElse(Map.of()));
    }

    KeyEncryptionKeys(String activeId, byte[] activeKek, Map<String, byte[]> retired) {
        this.activeId = checkedId(activeId, "tiergate.audit.key-encryption-key-id");
        keks.put(activeId, checkedKey(activeKek, "tiergate.audit.key-encryption-key"));
        retired.forEach((id, kek) -> {
            String name = "tiergate.audit.retired-key-encryption-keys " + id;
            if (id.equals(activeId)) {
                throw new IllegalArgumentException(name + ": a retired key cannot have the active key's id");
            }
            keks.put(checkedId(id, name), checkedKey(kek, name));
        });
    }

    /** {@code id=base64,id=base64}; blank entries are ignored. */
    static Map<String, byte[]> parseRetired(String spec) {
        Map<String, byte[]> retired = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("tiergate.audit.retired-key-encryption-keys is id=base64,...");
            }
            String id = pair.substring(0, eq).trim();
            retired.put(id, decode(pair.substring(eq + 1).trim(), "tiergate.audit.retired-key-encryption-keys " + id));
        }
        return retired;
    }

    public String activeId() {
        return activeId;
    }

    /** True when a key stored with this KEK id needs no rewrapping; null (before key ids) never is. */
    public boolean isCurrent(String kekId) {
        return activeId.equals(kekId);
    }

    public Wrapped wrap(String subject, byte[] subjectKey) {
        return new Wrapped(activeId, Aead.seal(keks.get(activeId), subjectKey, context(subject, activeId)));
    }

    /** The subject key; {@code kekId} null for a key wrapped before key ids. */
    public byte[] unwrap(String subject, String kekId, byte[] wrappedKey) {
        if (kekId == null) {
            return unwrapLegacy(subject, wrappedKey);
        }
        byte[] kek = keks.get(kekId);
        if (kek == null) {
            throw new Unreadable(
                    "the subject key of subject '" + printable(subject) + "' is wrapped under key-encryption key '"
                            + printable(kekId) + "', which is neither the active key nor a retired one",
                    null);
        }
        try {
            return Aead.open(kek, wrappedKey, context(subject, kekId));
        } catch (IllegalStateException e) {
            throw new Unreadable(
                    "the subject key of subject '" + printable(subject) + "' does not open under key-encryption key '"
                            + kekId + "': moved from another subject, altered, or relabelled",
                    e);
        }
    }

    private byte[] unwrapLegacy(String subject, byte[] wrappedKey) {
        byte[] aad = subject.getBytes(StandardCharsets.UTF_8);
        for (byte[] kek : keks.values()) {
            try {
                return Aead.open(kek, wrappedKey, aad);
            } catch (IllegalStateException underAnotherKek) {
                // try the next one
            }
        }
        throw new Unreadable(
                "the subject key of subject '" + printable(subject)
                        + "' (wrapped before key ids) does not open under any configured key-encryption key",
                null);
    }

    /** The column, the subject and the KEK id; the id is last and has no '|', so no two triples share a context. */
    private static byte[] context(String subject, String kekId) {
        return ("tiergate.audit/" + COLUMN + "|" + subject + "|" + kekId).getBytes(StandardCharsets.UTF_8);
    }

    private static String printable(String value) {
        return ControlCharacters.printable(value);
    }

    private static String checkedId(String id, String name) {
        if (id == null || !id.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException(name + ": a key id is 1-32 letters, digits, '_' or '-'");
        }
        return id;
    }

    private static byte[] checkedKey(byte[] key, String name) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException(name + " must be 32 bytes, base64");
        }
        return key;
    }

    private static byte[] decode(String base64, String name) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be 32 bytes, base64"); // never the value itself
        }
    }
}
