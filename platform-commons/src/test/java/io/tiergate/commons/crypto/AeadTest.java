package io.tiergate.commons.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** AES-256-GCM as crypto-shredding and encrypted PII use it: sealed, opened, and refused when anything differs. */
class AeadTest {

    private static final byte[] PLAIN = "Alice Example, 1990-01-01".getBytes(StandardCharsets.UTF_8);
    private static final byte[] AAD = "subject:alice".getBytes(StandardCharsets.UTF_8);

    @Test
    void whatIsSealedOpensWithTheSameKeyAndAssociatedData() {
        byte[] key = Aead.randomKey();

        byte[] sealed = Aead.seal(key, PLAIN, AAD);

        assertEquals(12 + PLAIN.length + 16, sealed.length, "nonce, ciphertext and tag");
        assertArrayEquals(PLAIN, Aead.open(key, sealed, AAD));
    }

    @Test
    void eachSealingUsesAFreshNonce() {
        byte[] key = Aead.randomKey();

        assertFalse(java.util.Arrays.equals(Aead.seal(key, PLAIN, AAD), Aead.seal(key, PLAIN, AAD)));
    }

    @Test
    void anotherKeyOtherAssociatedDataOrATamperedByteIsRefused() {
        byte[] key = Aead.randomKey();
        byte[] sealed = Aead.seal(key, PLAIN, AAD);
        byte[] tampered = sealed.clone();
        tampered[20] ^= 1;

        assertThrows(IllegalStateException.class, () -> Aead.open(Aead.randomKey(), sealed, AAD));
        assertThrows(
                IllegalStateException.class,
                () -> Aead.open(key, sealed, "subject:bob".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalStateException.class, () -> Aead.open(key, tampered, AAD));
    }
}
