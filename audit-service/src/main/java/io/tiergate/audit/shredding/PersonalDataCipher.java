package io.tiergate.audit.shredding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tiergate.commons.crypto.Aead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Encrypts an event's {@code data} (where personal data lives: nationalities, residence, justifications,
 * jurisdictions) under its subject's key before the event enters the log, and decrypts it for reading.
 * The envelope (id, source, type, subject, time) stays clear so the log remains queryable after erasure.
 */
@ApplicationScoped
public class PersonalDataCipher {

    public static final String ALGORITHM = "A256GCM";
    /** The log's own records (erasures) hold no personal data and must stay readable after one. */
    static final String OWN_EVENTS = "tiergate.audit.";

    @Inject
    SubjectKeyStore keys;

    @Inject
    ObjectMapper objectMapper;

    /**
     * The event with its data sealed; events without subject or data pass unchanged. {@code keysOfBatch}
     * caches subject keys across one append batch.
     */
    public ObjectNode seal(ObjectNode event, Map<String, Optional<byte[]>> keysOfBatch) {
        JsonNode data = event.get("data");
        String subject = event.path("subject").asText(null);
        if (data == null
                || data.isNull()
                || subject == null
                || event.path("type").asText().startsWith(OWN_EVENTS)) {
            return event;
        }
        Optional<byte[]> key = keysOfBatch.computeIfAbsent(
                subject, s -> keys.keysFor(Set.of(s)).get(s));
        ObjectNode sealed = objectMapper.createObjectNode();
        sealed.put("alg", ALGORITHM);
        if (key.isEmpty()) {
            sealed.put("redacted", true); // arrived after the subject's erasure: nothing personal is kept
        } else {
            byte[] ciphertext = Aead.seal(key.get(), bytes(data), aad(event));
            sealed.put("ciphertext", Base64.getEncoder().encodeToString(ciphertext));
        }
        event.set("data", sealed);
        return event;
    }

    /** Loads the keys a batch of events will need, in one round trip. */
    public Map<String, Optional<byte[]>> keysFor(Set<String> subjects) {
        return new java.util.HashMap<>(keys.keysFor(subjects));
    }

    /** The event with its data readable, or marked redacted when the subject's key is gone. */
    public JsonNode open(JsonNode event) {
        JsonNode data = event.path("data");
        if (!ALGORITHM.equals(data.path("alg").asText()) || !data.has("ciphertext")) {
            return event;
        }
        ObjectNode copy = event.deepCopy();
        Optional<byte[]> key = keys.keyFor(event.path("subject").asText());
        if (key.isEmpty()) {
            copy.set("data", objectMapper.createObjectNode().put("redacted", true));
            return copy;
        }
        byte[] plain = Aead.open(
                key.get(), Base64.getDecoder().decode(data.get("ciphertext").asText()), aad(event));
        try {
            copy.set("data", objectMapper.readTree(plain));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
    }

    /** Binds the ciphertext to its event, so sealed data cannot be moved to another entry. */
    private static byte[] aad(JsonNode event) {
        return event.path("id").asText().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] bytes(JsonNode data) {
        try {
            return objectMapper.writeValueAsBytes(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
