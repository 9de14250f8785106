package io.tiergate.identity.pii;

import io.tiergate.commons.crypto.Aead;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Field-level encryption of personal data at rest: AES-256-GCM under {@code tiergate.identity.pii-key},
 * stored as base64(nonce || ciphertext). A database dump alone reveals no names or birth dates.
 */
@Converter
public class EncryptedString implements AttributeConverter<String, String> {

    private static final byte[] CONTEXT = "tiergate.identity.pii/v1".getBytes(StandardCharsets.UTF_8);

    private static byte[] key() {
        byte[] key = Base64.getDecoder()
                .decode(ConfigProvider.getConfig().getValue("tiergate.identity.pii-key", String.class));
        if (key.length != 32) {
            throw new IllegalStateException("tiergate.identity.pii-key must be 32 bytes, base64");
        }
        return key;
    }

    @Override
    public String convertToDatabaseColumn(String plaintext) {
        return plaintext == null
                ? null
                : Base64.getEncoder()
                        .encodeToString(Aead.seal(key(), plaintext.getBytes(StandardCharsets.UTF_8), CONTEXT));
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return stored == null
                ? null
                : new String(Aead.open(key(), Base64.getDecoder().decode(stored), CONTEXT), StandardCharsets.UTF_8);
    }
}
