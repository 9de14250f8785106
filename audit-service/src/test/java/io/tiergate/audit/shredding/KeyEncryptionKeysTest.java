package io.tiergate.audit.shredding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiergate.commons.crypto.Aead;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Wrapping subject keys under key-encryption keys that carry an id, bound to their subject, and rotate. */
class KeyEncryptionKeysTest {

    private final byte[] k1 = Aead.randomKey();
    private final byte[] k2 = Aead.randomKey();
    private final byte[] subjectKey = Aead.randomKey();

    private final KeyEncryptionKeys beforeRotation = new KeyEncryptionKeys("k1", k1, Map.of());
    private final KeyEncryptionKeys midRotation = new KeyEncryptionKeys("k2", k2, Map.of("k1", k1));
    private final KeyEncryptionKeys afterRotation = new KeyEncryptionKeys("k2", k2, Map.of());

    @Test
    void aWrappedKeyRecordsItsKekAndOpensToTheSubjectKey() {
        KeyEncryptionKeys.Wrapped wrapped = beforeRotation.wrap("alice", subjectKey);

        assertEquals("k1", wrapped.kekId());
        assertTrue(beforeRotation.isCurrent(wrapped.kekId()));
        assertArrayEquals(subjectKey, beforeRotation.unwrap("alice", "k1", wrapped.wrappedKey()));
    }

    @Test
    void aKeyMovedToAnotherSubjectDoesNotOpenAndTheFailureNamesTheRowNotTheKey() {
        KeyEncryptionKeys.Wrapped alices = beforeRotation.wrap("alice", subjectKey);

        var refusal = assertThrows(
                KeyEncryptionKeys.Unreadable.class, () -> beforeRotation.unwrap("bob", "k1", alices.wrappedKey()));

        assertTrue(refusal.getMessage().contains("'bob'"), refusal.getMessage());
        assertFalse(refusal.getMessage().contains(Base64.getEncoder().encodeToString(k1)), "never the KEK");
        assertFalse(refusal.getMessage().contains(Base64.getEncoder().encodeToString(subjectKey)), "nor the key");
        assertFalse(
                refusal.getMessage().contains(Base64.getEncoder().encodeToString(alices.wrappedKey())),
                "nor the stored bytes");
    }

    @Test
    void aKeyRelabelledWithAnotherKekIdDoesNotOpen() {
        // wrapped under k1's bytes but stored as k2's: the id is in the associated data, so it fails under either
        KeyEncryptionKeys sameBytesTwoIds = new KeyEncryptionKeys("k2", k1, Map.of("k1", k1));
        KeyEncryptionKeys.Wrapped wrapped = beforeRotation.wrap("alice", subjectKey);

        assertThrows(
                KeyEncryptionKeys.Unreadable.class, () -> sameBytesTwoIds.unwrap("alice", "k2", wrapped.wrappedKey()));
        assertArrayEquals(subjectKey, sameBytesTwoIds.unwrap("alice", "k1", wrapped.wrappedKey()));
    }

    @Test
    void aKeyUnderAKekThatIsNotConfiguredNamesTheKekId() {
        KeyEncryptionKeys.Wrapped wrapped = midRotation.wrap("alice", subjectKey);

        var refusal = assertThrows(
                KeyEncryptionKeys.Unreadable.class, () -> beforeRotation.unwrap("alice", "k2", wrapped.wrappedKey()));

        assertTrue(refusal.getMessage().contains("'k2'"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("'alice'"), refusal.getMessage());
    }

    @Test
    void aRetiredKekStillOpensAndARewrapMovesTheSameKeyToTheActiveKek() {
        KeyEncryptionKeys.Wrapped old = beforeRotation.wrap("alice", subjectKey);

        byte[] opened = midRotation.unwrap("alice", old.kekId(), old.wrappedKey());
        assertFalse(midRotation.isCurrent(old.kekId()), "pending rewrap");
        KeyEncryptionKeys.Wrapped rewrapped = midRotation.wrap("alice", opened);

        assertEquals("k2", rewrapped.kekId());
        assertArrayEquals(subjectKey, afterRotation.unwrap("alice", "k2", rewrapped.wrappedKey()), "the same key");
        assertThrows(
                KeyEncryptionKeys.Unreadable.class,
                () -> afterRotation.unwrap("alice", "k1", old.wrappedKey()),
                "without the retired KEK the old wrapping is gone");
    }

    @Test
    void aKeyWrappedBeforeKeyIdsOpensUnderAnyConfiguredKekForItsSubjectOnly() {
        byte[] legacy = Aead.seal(k1, subjectKey, "alice".getBytes(StandardCharsets.UTF_8));

        assertArrayEquals(subjectKey, beforeRotation.unwrap("alice", null, legacy));
        assertArrayEquals(subjectKey, midRotation.unwrap("alice", null, legacy), "under the retired KEK");
        assertFalse(midRotation.isCurrent(null));
        assertThrows(KeyEncryptionKeys.Unreadable.class, () -> midRotation.unwrap("bob", null, legacy));
        assertThrows(KeyEncryptionKeys.Unreadable.class, () -> afterRotation.unwrap("alice", null, legacy));
    }

    @Test
    void retiredKeksAreReadFromConfiguration() {
        String k1Base64 = Base64.getEncoder().encodeToString(k1);
        Map<String, byte[]> retired = KeyEncryptionKeys.parseRetired(
                " k1=" + k1Base64 + ", ,k0=" + Base64.getEncoder().encodeToString(k2));

        assertEquals(2, retired.size());
        assertArrayEquals(k1, retired.get("k1"));
        assertTrue(KeyEncryptionKeys.parseRetired("").isEmpty());
    }

    @Test
    void aMisconfiguredKekIsRefusedNamingThePropertyNotTheValue() {
        var malformed = assertThrows(IllegalArgumentException.class, () -> KeyEncryptionKeys.parseRetired("k1"));
        assertTrue(malformed.getMessage().contains("tiergate.audit.retired-key-encryption-keys"));
        var notBase64 =
                assertThrows(IllegalArgumentException.class, () -> KeyEncryptionKeys.parseRetired("k1=not*base64"));
        assertFalse(notBase64.getMessage().contains("not*base64"), notBase64.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new KeyEncryptionKeys("k1", new byte[16], Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new KeyEncryptionKeys("k 1", k1, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new KeyEncryptionKeys("k1", k1, Map.of("k1", k2)));
        assertThrows(IllegalArgumentException.class, () -> new KeyEncryptionKeys("k2", k2, Map.of("k1", new byte[31])));
    }
}
