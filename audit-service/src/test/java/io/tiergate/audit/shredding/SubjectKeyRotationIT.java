package io.tiergate.audit.shredding;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tiergate.commons.crypto.Aead;
import io.tiergate.commons.testing.KafkaEvents;
import io.tiergate.commons.testing.KeycloakTokens;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 §5: the key-encryption key rotates. The service runs mid-rotation: active KEK {@code k2}, the test
 * profile's own KEK retired as {@code k1}.
 */
@QuarkusTest
@TestProfile(SubjectKeyRotationIT.MidRotation.class)
class SubjectKeyRotationIT {

    /** The test profile's KEK (application.properties), which this profile retires. */
    static final byte[] RETIRED = Base64.getDecoder().decode("7fM6m4Zr0cJ0a1ZkqS9rT2vXw8yB3nE5hG6jK7lP9Qs=");

    static final byte[] ACTIVE = Aead.randomKey();

    static final String DATA = "{\"caseId\":\"c\",\"status\":\"VERIFIED\",\"nationalities\":[\"FR\"],"
            + "\"residenceCountry\":\"FR\",\"reasons\":[]}";

    public static class MidRotation implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "tiergate.audit.key-encryption-key",
                    Base64.getEncoder().encodeToString(ACTIVE),
                    "tiergate.audit.key-encryption-key-id",
                    "k2",
                    "tiergate.audit.retired-key-encryption-keys",
                    "k1=" + Base64.getEncoder().encodeToString(RETIRED),
                    // the test drives rotation itself
                    "tiergate.audit.key-rotation-interval",
                    "off");
        }
    }

    record Row(String kekId, byte[] wrappedKey) {}

    static final KeyEncryptionKeys TEST_PROFILE = new KeyEncryptionKeys("k1", RETIRED, Map.of());
    static final KeyEncryptionKeys THIS_PROFILE = new KeyEncryptionKeys("k2", ACTIVE, Map.of("k1", RETIRED));
    static final KeyEncryptionKeys ACTIVE_ONLY = new KeyEncryptionKeys("k2", ACTIVE, Map.of());

    @Inject
    EntityManager entityManager;

    @Inject
    SubjectKeyRotation rotation;

    @Inject
    ObjectMapper objectMapper;

    private Map<String, Row> before;

    @BeforeEach
    void remember() {
        before = rows();
    }

    /**
     * Leaves every key as it was before the test, and every key made during it wrapped as the test profile wraps (k1):
     * the suites that run after this one, in this module and end to end, share the database and know only that KEK.
     */
    @AfterEach
    void backToTheTestProfilesKek() {
        rows().forEach((subject, now) -> {
            Row was = before.get(subject);
            if (was != null) {
                if (!Objects.equals(was.kekId(), now.kekId()) || !Arrays.equals(was.wrappedKey(), now.wrappedKey())) {
                    store(subject, was);
                }
            } else if (!TEST_PROFILE.isCurrent(now.kekId())) {
                byte[] key = THIS_PROFILE.unwrap(subject, now.kekId(), now.wrappedKey());
                KeyEncryptionKeys.Wrapped wrapped = TEST_PROFILE.wrap(subject, key);
                store(subject, new Row(wrapped.kekId(), wrapped.wrappedKey()));
            }
        });
    }

    Map<String, Row> rows() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Row> rows = new HashMap<>();
            @SuppressWarnings("unchecked")
            List<Object[]> found = entityManager
                    .createNativeQuery("SELECT subject, kek_id, wrapped_key FROM subject_key")
                    .getResultList();
            found.forEach(r -> rows.put((String) r[0], new Row((String) r[1], (byte[]) r[2])));
            return rows;
        });
    }

    Row row(String subject) {
        return rows().get(subject);
    }

    void store(String subject, Row row) {
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("UPDATE subject_key SET kek_id = ?1, wrapped_key = ?2 WHERE subject = ?3")
                        .setParameter(1, row.kekId())
                        .setParameter(2, row.wrappedKey())
                        .setParameter(3, subject)
                        .executeUpdate());
    }

    void insert(String subject, Row row) {
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("INSERT INTO subject_key (subject, kek_id, wrapped_key, created_at) "
                                + "VALUES (?1, ?2, ?3, now())")
                        .setParameter(1, subject)
                        .setParameter(2, row.kekId())
                        .setParameter(3, row.wrappedKey())
                        .executeUpdate());
    }

    /** A subject whose key the test profile wrapped (under k1), before its first event. */
    String subjectUnderTheRetiredKek(byte[] key) {
        String subject = UUID.randomUUID().toString();
        KeyEncryptionKeys.Wrapped wrapped = TEST_PROFILE.wrap(subject, key);
        insert(subject, new Row(wrapped.kekId(), wrapped.wrappedKey()));
        return subject;
    }

    /** A subject whose key was wrapped before key ids: no id, the subject alone as associated data. */
    String subjectFromBeforeKeyIds(byte[] key) {
        String subject = UUID.randomUUID().toString();
        insert(subject, new Row(null, Aead.seal(RETIRED, key, subject.getBytes(StandardCharsets.UTF_8))));
        return subject;
    }

    static JsonPath events(String subject) {
        return given().auth()
                .oauth2(KeycloakTokens.user(KeycloakTokens.AUDREY))
                .queryParam("subject", subject)
                .when()
                .get("/v1/events")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The event at this index as the log stores it, its data sealed. */
    JsonNode storedEvent(long index) throws Exception {
        String entry = given().auth()
                .oauth2(KeycloakTokens.user(KeycloakTokens.AUDREY))
                .when()
                .get("/v1/entries/" + index)
                .then()
                .statusCode(200)
                .extract()
                .path("entry");
        return objectMapper.readTree(Base64.getDecoder().decode(entry)).get("event");
    }

    static void publish(String subject) {
        KafkaEvents.publish(
                "tiergate.identity", "identity-service", "tiergate.identity.verification.verified", subject, 1, DATA);
    }

    static double metric(String name) {
        String metrics = given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return metrics.lines()
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void keysUnderTheRetiredKekAreRewrappedAndEverySubjectsDataStaysReadableAndErasable() throws Exception {
        Map<String, byte[]> keys = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            byte[] key = Aead.randomKey();
            keys.put(subjectUnderTheRetiredKek(key), key);
        }
        byte[] legacyKey = Aead.randomKey();
        String legacy = subjectFromBeforeKeyIds(legacyKey);
        keys.put(legacy, legacyKey);
        keys.keySet().forEach(SubjectKeyRotationIT::publish);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> keys.keySet().stream()
                        .allMatch(s -> events(s).getList("index").size() == 1));
        for (Map.Entry<String, byte[]> subject : keys.entrySet()) {
            JsonPath read = events(subject.getKey());
            assertEquals(List.of("FR"), read.getList("[0].event.data.nationalities"), "a retired KEK still opens");
            // the event was sealed under the key already stored (unwrapped from k1), not under a fresh one
            JsonNode stored = storedEvent(read.getLong("[0].index"));
            byte[] plain = Aead.open(
                    subject.getValue(),
                    Base64.getDecoder()
                            .decode(stored.path("data").path("ciphertext").asText()),
                    stored.path("id").asText().getBytes(StandardCharsets.UTF_8));
            assertEquals(objectMapper.readTree(DATA), objectMapper.readTree(plain));
        }
        assertTrue(rotation.pending() >= keys.size(), "pending: " + rotation.pending());
        double rewrappedBefore = metric("tiergate_audit_subject_keys_rewrapped_total");

        int rewrapped = rotation.rotate();

        assertTrue(rewrapped >= keys.size(), "rewrapped " + rewrapped);
        assertEquals(0, rotation.pending(), "no key is left under the retired KEK or without an id");
        assertEquals(
                rewrapped,
                metric("tiergate_audit_subject_keys_rewrapped_total") - rewrappedBefore,
                0.0,
                "each rewrap is counted");
        for (Map.Entry<String, byte[]> subject : keys.entrySet()) {
            Row row = row(subject.getKey());
            assertEquals("k2", row.kekId());
            // the same subject key, and the active KEK alone opens it: the retired one can now go
            assertArrayEquals(subject.getValue(), ACTIVE_ONLY.unwrap(subject.getKey(), "k2", row.wrappedKey()));
            assertEquals(List.of("FR"), events(subject.getKey()).getList("[0].event.data.nationalities"));
        }
        assertEquals(0, rotation.rotate(), "a second run has nothing to do");

        // crypto-shredding still works on a rewrapped key
        String erased = legacy;
        given().auth()
                .oauth2(KeycloakTokens.user(KeycloakTokens.PAULA))
                .contentType(ContentType.JSON)
                .body(Map.of("subject", erased, "reason", "GDPR Art. 17 after a KEK rotation"))
                .when()
                .post("/v1/erasures")
                .then()
                .statusCode(201)
                .body("subject", equalTo(erased));
        assertEquals(null, row(erased), "its key is gone");
        assertEquals(true, events(erased).getBoolean("[0].event.data.redacted"));
        for (String other : keys.keySet()) {
            if (!other.equals(erased)) {
                assertEquals(List.of("FR"), events(other).getList("[0].event.data.nationalities"), "others read");
            }
        }
    }

    @Test
    void aWrappedKeyMovedToAnotherSubjectFailsLoudlyAndIsNotRewrapped() {
        String victim = subjectUnderTheRetiredKek(Aead.randomKey());
        String donor = subjectUnderTheRetiredKek(Aead.randomKey());
        publish(victim);
        publish(donor);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> events(victim).getList("index").size() == 1
                        && events(donor).getList("index").size() == 1);
        Row original = row(victim);
        Row moved = row(donor);
        store(victim, moved);
        try {
            double unreadableBefore = metric("tiergate_audit_subject_keys_unreadable_total");

            given().auth()
                    .oauth2(KeycloakTokens.user(KeycloakTokens.AUDREY))
                    .queryParam("subject", victim)
                    .when()
                    .get("/v1/events")
                    .then()
                    .statusCode(500)
                    .body("code", equalTo("INTERNAL_ERROR"));
            rotation.rotate();

            assertEquals("k1", row(victim).kekId(), "left as it is, for the incident");
            assertArrayEquals(moved.wrappedKey(), row(victim).wrappedKey());
            assertEquals("k2", row(donor).kekId(), "the donor's own key is rewrapped");
            assertEquals(1, rotation.pending(), "only the key that does not open is pending");
            assertTrue(
                    metric("tiergate_audit_subject_keys_unreadable_total") - unreadableBefore >= 2,
                    "the read and the rotation's attempt are counted");
        } finally {
            store(victim, original); // as the test profile wrapped it, for the suites after this one
        }
        assertEquals(List.of("FR"), events(victim).getList("[0].event.data.nationalities"), "restored, it reads");
        assertEquals(List.of("FR"), events(donor).getList("[0].event.data.nationalities"));
    }
}
