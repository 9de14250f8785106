package io.tiergate.audit.shredding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tiergate.commons.crypto.Aead;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Crypto-shredding with keys held in memory: sealed on the way in, readable until the subject's key is destroyed. */
class PersonalDataCipherTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Creates a subject's key on first use; a destroyed key stays gone. */
    static final class MemoryKeys implements SubjectKeyStore {
        final Map<String, byte[]> keys = new HashMap<>();
        final Set<String> erased = new java.util.HashSet<>();

        @Override
        public Optional<byte[]> keyFor(String subject) {
            return Optional.ofNullable(keys.get(subject));
        }

        @Override
        public Map<String, Optional<byte[]>> keysFor(Set<String> subjects) {
            Map<String, Optional<byte[]>> out = new HashMap<>();
            for (String subject : subjects) {
                if (!erased.contains(subject)) {
                    keys.computeIfAbsent(subject, s -> Aead.randomKey());
                }
                out.put(subject, keyFor(subject));
            }
            return out;
        }

        @Override
        public boolean destroy(String subject, String requestedBy) {
            erased.add(subject);
            return keys.remove(subject) != null;
        }

        @Override
        public boolean isErased(String subject) {
            return erased.contains(subject);
        }
    }

    private final MemoryKeys keys = new MemoryKeys();
    private final PersonalDataCipher cipher = new PersonalDataCipher();

    PersonalDataCipherTest() {
        cipher.keys = keys;
        cipher.objectMapper = JSON;
    }

    private static ObjectNode event(String id, String type, String subject) {
        ObjectNode event = JSON.createObjectNode().put("id", id).put("type", type);
        if (subject != null) {
            event.put("subject", subject);
        }
        event.set("data", JSON.createObjectNode().put("residenceCountry", "DE").put("justification", "research"));
        return event;
    }

    @Test
    void dataIsSealedAndTheEnvelopeStaysClear() {
        ObjectNode sealed = cipher.seal(event("e1", "tiergate.identity.verified", "alice"), new HashMap<>());

        assertEquals("alice", sealed.path("subject").asText());
        assertEquals(
                PersonalDataCipher.ALGORITHM, sealed.path("data").path("alg").asText());
        assertTrue(sealed.path("data").has("ciphertext"));
        assertFalse(sealed.toString().contains("research"), sealed.toString());
    }

    @Test
    void sealedDataOpensToWhatWasWritten() {
        ObjectNode original = event("e1", "tiergate.identity.verified", "alice");
        JsonNode data = original.get("data").deepCopy();

        JsonNode opened = cipher.open(cipher.seal(original, new HashMap<>()));

        assertEquals(data, opened.get("data"));
    }

    @Test
    void afterErasureTheDataReadsAsRedactedAndLaterEventsKeepNothing() {
        ObjectNode sealed = cipher.seal(event("e1", "tiergate.identity.verified", "alice"), new HashMap<>());
        keys.destroy("alice", "audrey");

        assertEquals(
                JSON.createObjectNode().put("redacted", true),
                cipher.open(sealed).get("data"));
        ObjectNode late = cipher.seal(event("e2", "tiergate.tier.granted", "alice"), new HashMap<>());
        assertTrue(late.path("data").path("redacted").asBoolean());
        assertFalse(late.path("data").has("ciphertext"));
    }

    @Test
    void theLogsOwnEventsAndEventsWithoutSubjectStayClear() {
        ObjectNode own = event("e1", "tiergate.audit.erasure", "alice");
        ObjectNode anonymous = event("e2", "tiergate.entitlement.policy.published", null);

        assertEquals(
                "research",
                cipher.seal(own, new HashMap<>())
                        .path("data")
                        .path("justification")
                        .asText());
        assertEquals(
                "research",
                cipher.seal(anonymous, new HashMap<>())
                        .path("data")
                        .path("justification")
                        .asText());
    }

    @Test
    void sealedDataCannotBeMovedToAnotherEntry() {
        ObjectNode sealed = cipher.seal(event("e1", "tiergate.identity.verified", "alice"), new HashMap<>());
        ObjectNode moved = sealed.deepCopy().put("id", "e2");

        assertThrows(IllegalStateException.class, () -> cipher.open(moved));
    }

    @Test
    void aBatchLooksEachSubjectsKeyUpOnce() {
        Map<String, Optional<byte[]>> batch = new HashMap<>();
        cipher.seal(event("e1", "tiergate.identity.verified", "alice"), batch);
        keys.keys.put("alice", Aead.randomKey()); // a key the batch must not see again

        ObjectNode second = cipher.seal(event("e2", "tiergate.tier.granted", "alice"), batch);

        assertThrows(
                IllegalStateException.class,
                () -> cipher.open(second),
                "sealed under the batch's key, not the store's newer one");
        assertEquals(Set.of("alice"), batch.keySet());
    }
}
