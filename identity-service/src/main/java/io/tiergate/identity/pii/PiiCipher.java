package io.tiergate.identity.pii;

import io.tiergate.commons.crypto.Aead;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Field-level encryption of personal data at rest, AES-256-GCM. A value is stored as
 * {@code v2.<keyId>.<base64(nonce || ciphertext)>}, sealed with associated data that names the column, the row and
 * the key: a ciphertext copied to another row or column, or relabelled with another key id, does not open. Keys
 * rotate: new values are sealed under the active key ({@code tiergate.identity.pii-key}, id
 * {@code tiergate.identity.pii-key-id}); values under retired keys ({@code tiergate.identity.pii-retired-keys},
 * {@code id=base64,...}) still open, and {@link PiiRotation} reseals them. Values written before key ids (no prefix,
 * one fixed context) open under any configured key.
 */
public final class PiiCipher {

    static final String PREFIX = "v2.";
    private static final byte[] LEGACY_CONTEXT = "tiergate.identity.pii/v1".getBytes(StandardCharsets.UTF_8);
    private static volatile PiiCipher configured;

    private final String activeId;
    private final Map<String, byte[]> keys;

    /** Thrown when a stored value does not open: tampered with, moved, or under a key that is not configured. */
    public static final class SealBroken extends IllegalStateException {
        SealBroken(String message, Throwable cause) {
            super(message, cause);
        }
    }

    PiiCipher(String activeId, byte[] activeKey, Map<String, byte[]> retired) {
        if (!activeId.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("tiergate.identity.pii-key-id must be 1-32 letters, digits, '_' or '-'");
        }
        this.activeId = activeId;
        this.keys = new LinkedHashMap<>();
        keys.put(activeId, checked(activeKey, "tiergate.identity.pii-key"));
        retired.forEach((id, key) -> keys.putIfAbsent(id, checked(key, "tiergate.identity.pii-retired-keys " + id)));
    }

    /** The service's cipher, from its configuration (read once). */
    public static PiiCipher configured() {
        PiiCipher cipher = configured;
        if (cipher == null) {
            synchronized (PiiCipher.class) {
                if (configured == null) {
                    configured = fromConfig(ConfigProvider.getConfig());
                }
                cipher = configured;
            }
        }
        return cipher;
    }

    static PiiCipher fromConfig(Config config) {
        String id = config.getOptionalValue("tiergate.identity.pii-key-id", String.class)
                .orElse("k1");
        byte[] key = decode(config.getValue("tiergate.identity.pii-key", String.class));
        Optional<String> retired = config.getOptionalValue("tiergate.identity.pii-retired-keys", String.class);
        return new PiiCipher(id, key, retired.map(PiiCipher::parseRetired).orElse(Map.of()));
    }

    static Map<String, byte[]> parseRetired(String spec) {
        Map<String, byte[]> retired = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("tiergate.identity.pii-retired-keys is id=base64,id=base64");
            }
            retired.put(
                    pair.substring(0, eq).trim(), decode(pair.substring(eq + 1).trim()));
        }
        return retired;
    }

    public String activeKeyId() {
        return activeId;
    }

    /** The stored form of a value of {@code column} (table.column) in row {@code row}; null stays null. */
    public String seal(String plaintext, String column, UUID row) {
        if (plaintext == null) {
            return null;
        }
        byte[] sealed = Aead.seal(
                keys.get(activeId), plaintext.getBytes(StandardCharsets.UTF_8), context(column, row, activeId));
        return PREFIX + activeId + "." + Base64.getEncoder().encodeToString(sealed);
    }

    public String open(String stored, String column, UUID row) {
        if (stored == null) {
            return null;
        }
        try {
            if (!stored.startsWith(PREFIX)) {
                return openLegacy(stored);
            }
            int dot = stored.indexOf('.', PREFIX.length());
            if (dot < 0) {
                throw new SealBroken(column + " of row " + row + " is not a sealed value", null);
            }
            String id = stored.substring(PREFIX.length(), dot);
            byte[] key = keys.get(id);
            if (key == null) {
                throw new SealBroken(
                        column + " of row " + row + " is sealed under key '" + id
                                + "', which is neither tiergate.identity.pii-key nor a retired key",
                        null);
            }
            byte[] plain =
                    Aead.open(key, Base64.getDecoder().decode(stored.substring(dot + 1)), context(column, row, id));
            return new String(plain, StandardCharsets.UTF_8);
        } catch (SealBroken e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new SealBroken(column + " of row " + row + " is malformed", e);
        } catch (IllegalStateException e) {
            throw new SealBroken(column + " of row " + row + " does not open: moved, altered or under another key", e);
        }
    }

    /** How every value sealed under the active key begins; {@link PiiRotation} looks for values that do not. */
    public String currentPrefix() {
        return PREFIX + activeId + ".";
    }

    /** True when the stored value is sealed under the active key, bound to its row (nothing for rotation to do). */
    public boolean isCurrent(String stored) {
        return stored == null || stored.startsWith(currentPrefix());
    }

    private String openLegacy(String stored) {
        byte[] sealed = Base64.getDecoder().decode(stored);
        IllegalStateException last = null;
        for (byte[] key : keys.values()) {
            try {
                return new String(Aead.open(key, sealed, LEGACY_CONTEXT), StandardCharsets.UTF_8);
            } catch (IllegalStateException wrongKey) {
                last = wrongKey;
            }
        }
        throw last;
    }

    private static byte[] context(String column, UUID row, String keyId) {
        return ("tiergate.identity.pii/v2|" + column + "|" + row + "|" + keyId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    private static byte[] checked(byte[] key, String name) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException(name + " must be 32 bytes, base64");
        }
        return key;
    }
}
