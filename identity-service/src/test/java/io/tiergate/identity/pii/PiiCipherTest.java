package io.tiergate.identity.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiergate.commons.crypto.Aead;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PiiCipherTest {

    static final byte[] OLD = Aead.randomKey();
    static final byte[] NEW = Aead.randomKey();
    static final String COLUMN = "verification_case.given_name";
    final UUID row = UUID.randomUUID();
    final UUID other = UUID.randomUUID();

    @Test
    void aValueOpensInItsOwnRowAndColumnOnly() {
        PiiCipher cipher = new PiiCipher("k1", OLD, Map.of());
        String sealed = cipher.seal("فرزانه کریم‌پور", COLUMN, row);
        assertTrue(sealed.startsWith("v2.k1."), sealed);
        assertEquals("فرزانه کریم‌پور", cipher.open(sealed, COLUMN, row));
        assertThrows(PiiCipher.SealBroken.class, () -> cipher.open(sealed, COLUMN, other), "another row");
        assertThrows(
                PiiCipher.SealBroken.class,
                () -> cipher.open(sealed, "verification_case.family_name", row),
                "another column");
    }

    @Test
    void aRelabelledKeyIdOrAnAlteredValueDoesNotOpen() {
        PiiCipher both = new PiiCipher("k2", NEW, Map.of("k1", OLD));
        String sealed = new PiiCipher("k1", OLD, Map.of()).seal("Anna", COLUMN, row);
        assertEquals("Anna", both.open(sealed, COLUMN, row));
        assertThrows(PiiCipher.SealBroken.class, () -> both.open(sealed.replace("v2.k1.", "v2.k2."), COLUMN, row));
        String flipped = sealed.substring(0, sealed.length() - 3) + (sealed.endsWith("A==") ? "B==" : "A==");
        assertThrows(PiiCipher.SealBroken.class, () -> both.open(flipped, COLUMN, row));
        assertThrows(PiiCipher.SealBroken.class, () -> both.open("v2.k1.not-base64!", COLUMN, row));
    }

    @Test
    void rotationOpensRetiredKeysAndSealsUnderTheActiveOne() {
        String underOld = new PiiCipher("k1", OLD, Map.of()).seal("Anna", COLUMN, row);
        PiiCipher rotated = new PiiCipher("k2", NEW, Map.of("k1", OLD));
        assertFalse(rotated.isCurrent(underOld));
        String resealed = rotated.seal(rotated.open(underOld, COLUMN, row), COLUMN, row);
        assertTrue(rotated.isCurrent(resealed));
        // once every row is resealed, the retired key can go
        PiiCipher retiredGone = new PiiCipher("k2", NEW, Map.of());
        assertEquals("Anna", retiredGone.open(resealed, COLUMN, row));
        var missing = assertThrows(PiiCipher.SealBroken.class, () -> retiredGone.open(underOld, COLUMN, row));
        assertTrue(missing.getMessage().contains("key 'k1'"), missing.getMessage());
    }

    @Test
    void valuesWrittenBeforeKeyIdsStillOpenUnderAnyConfiguredKey() {
        byte[] legacy = Aead.seal(
                OLD,
                "Eriksson".getBytes(StandardCharsets.UTF_8),
                "tiergate.identity.pii/v1".getBytes(StandardCharsets.UTF_8));
        String stored = Base64.getEncoder().encodeToString(legacy);
        PiiCipher rotated = new PiiCipher("k2", NEW, Map.of("k1", OLD));
        assertEquals("Eriksson", rotated.open(stored, COLUMN, row));
        assertFalse(rotated.isCurrent(stored));
        assertThrows(PiiCipher.SealBroken.class, () -> new PiiCipher("k2", NEW, Map.of()).open(stored, COLUMN, row));
    }

    @Test
    void badKeysAndIdsAreRefusedWithTheSettingNamed() {
        var shortKey = assertThrows(IllegalArgumentException.class, () -> new PiiCipher("k1", new byte[16], Map.of()));
        assertTrue(shortKey.getMessage().contains("tiergate.identity.pii-key"));
        assertThrows(IllegalArgumentException.class, () -> new PiiCipher("k.1", OLD, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> PiiCipher.parseRetired("k1"));
        assertEquals(
                1,
                PiiCipher.parseRetired("k1=" + Base64.getEncoder().encodeToString(OLD))
                        .size());
    }
}
