package io.tiergate.audit.proof;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tiergate.audit.verifier.Checkpoint;
import io.tiergate.audit.verifier.ExportVerifier;
import io.tiergate.audit.verifier.ProofVerifier;
import io.tiergate.audit.verifier.Rfc6962;
import io.tiergate.audit.verifier.SignedNote;
import io.tiergate.commons.testing.KafkaEvents;
import io.tiergate.commons.testing.KeycloakTokens;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Proofs from the live log verify with the RFC's algorithms and the published key; tampering by a database
 * superuser (who can bypass the append-only triggers) is found, naming the index.
 */
@QuarkusTest
class LogProofIT {

    static final String SUPERUSER_URL = "jdbc:postgresql://127.0.0.1:25432/audit";

    @Inject
    Checkpointer checkpointer;

    static JsonPath get(String path) {
        return given().auth()
                .oauth2(KeycloakTokens.user(KeycloakTokens.AUDREY))
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Appends n events of a fresh subject and returns their log indexes, once all are in. */
    static List<Long> appendEvents(int n) {
        String subject = UUID.randomUUID().toString();
        for (int i = 1; i <= n; i++) {
            KafkaEvents.publish(
                    "tiergate.tier",
                    "tier-service",
                    "tiergate.tier.granted",
                    subject,
                    i,
                    "{\"grantId\":\"g" + i + "\",\"tier\":\"PUBLIC\",\"status\":\"ACTIVE\"}");
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        get("/v1/events?subject=" + subject).getList("index").size() == n);
        return get("/v1/events?subject=" + subject).getList("index", Long.class);
    }

    static byte[] b64(String value) {
        return Base64.getDecoder().decode(value);
    }

    @Test
    void checkpointsAreSignedAndProofsVerifyAgainstThem() {
        appendEvents(3);
        long older = checkpointer.checkpoint();
        JsonPath first = get("/v1/checkpoints/" + older);
        List<Long> later = appendEvents(2);
        long newer = checkpointer.checkpoint();
        JsonPath latest = get("/v1/checkpoints/latest");
        assertEquals(newer, latest.getLong("treeSize"));

        String verifierKey = get("/v1/log-key").getString("verifierKey");
        Checkpoint signed = Checkpoint.parse(SignedNote.verify(latest.getString("note"), verifierKey));
        assertArrayEquals(b64(latest.getString("rootHash")), signed.rootHash());
        assertEquals(newer, signed.treeSize());

        long index = later.get(0);
        JsonPath inclusion = get("/v1/proofs/inclusion?index=" + index + "&treeSize=" + newer);
        JsonPath entry = get("/v1/entries/" + index);
        byte[] leaf = Rfc6962.leafHash(b64(entry.getString("entry")));
        assertArrayEquals(leaf, b64(inclusion.getString("leafHash")));
        List<byte[]> path = inclusion.getList("proof", String.class).stream()
                .map(LogProofIT::b64)
                .toList();
        assertTrue(ProofVerifier.verifyInclusion(index, newer, leaf, path, signed.rootHash()));
        assertFalse(
                ProofVerifier.verifyInclusion(index, newer, Rfc6962.leafHash(new byte[] {1}), path, signed.rootHash()));

        JsonPath consistency = get("/v1/proofs/consistency?from=" + older + "&to=" + newer);
        List<byte[]> proof = consistency.getList("proof", String.class).stream()
                .map(LogProofIT::b64)
                .toList();
        assertTrue(ProofVerifier.verifyConsistency(
                older, newer, b64(first.getString("rootHash")), signed.rootHash(), proof));
    }

    @Test
    void theOfflineVerifierAcceptsACleanExportAndNamesTheFirstTamperedEntry() throws Exception {
        List<Long> indexes = appendEvents(4);
        long size = checkpointer.checkpoint();
        String verifierKey = get("/v1/log-key").getString("verifierKey");
        long from = indexes.get(0);
        String export = given().auth()
                .oauth2(KeycloakTokens.user(KeycloakTokens.AUDREY))
                .when()
                .get("/v1/exports?from=" + from + "&to=" + size)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        var clean = ExportVerifier.verify(new BufferedReader(new StringReader(export)), verifierKey);
        assertTrue(clean.valid(), clean.message());
        assertEquals(size - from, clean.entries());

        long victim = indexes.get(2);
        String forgedEntry = Base64.getEncoder().encodeToString("{\"forged\":true}".getBytes());
        String tampered = export.lines()
                .map(line -> line.startsWith("{\"index\":" + victim + ",")
                        ? line.replaceAll("\"entry\":\"[^\"]*\"", "\"entry\":\"" + forgedEntry + "\"")
                        : line)
                .reduce("", (a, b) -> a + b + "\n");
        var rejected = ExportVerifier.verify(new BufferedReader(new StringReader(tampered)), verifierKey);
        assertFalse(rejected.valid());
        assertEquals(victim, rejected.firstInvalidIndex());
    }

    @Test
    void editingDeletingOrSwappingEntriesAsASuperuserIsFoundNamingTheIndex() throws Exception {
        List<Long> indexes = appendEvents(3);
        checkpointer.checkpoint();
        assertTrue(verification().getBoolean("valid"), verification().prettify());
        long a = indexes.get(0);
        long b = indexes.get(2);
        try (Connection superuser = DriverManager.getConnection(SUPERUSER_URL, "postgres", "postgres");
                Statement session = superuser.createStatement()) {
            // A superuser can switch the triggers off for their session: the attacker the proofs exist for.
            session.execute("SET session_replication_role = replica");
            byte[] original = entryBytes(superuser, a);
            byte[] other = entryBytes(superuser, b);

            setEntry(superuser, a, Arrays.copyOf(original, original.length + 1));
            assertInvalidAt(a);
            setEntry(superuser, a, original);
            assertTrue(verification().getBoolean("valid"));

            setEntry(superuser, a, other);
            setEntry(superuser, b, original);
            assertInvalidAt(a);
            setEntry(superuser, a, original);
            setEntry(superuser, b, other);
            assertTrue(verification().getBoolean("valid"));

            session.execute("CREATE TEMP TABLE deleted AS SELECT * FROM audit_entry WHERE leaf_index = " + a);
            session.execute("DELETE FROM audit_entry WHERE leaf_index = " + a);
            try {
                assertInvalidAt(a);
            } finally {
                session.execute("INSERT INTO audit_entry SELECT * FROM deleted");
            }
            assertTrue(verification().getBoolean("valid"));
        }
    }

    static JsonPath verification() {
        return get("/v1/log/verification");
    }

    static void assertInvalidAt(long index) {
        JsonPath result = verification();
        assertFalse(result.getBoolean("valid"), result.prettify());
        assertEquals(index, result.getLong("firstInvalidIndex"), result.prettify());
    }

    static byte[] entryBytes(Connection connection, long index) throws Exception {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT entry FROM audit_entry WHERE leaf_index = ?")) {
            query.setLong(1, index);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getBytes(1);
            }
        }
    }

    static void setEntry(Connection connection, long index, byte[] entry) throws Exception {
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE audit_entry SET entry = ? WHERE leaf_index = ?")) {
            update.setBytes(1, entry);
            update.setLong(2, index);
            assertEquals(1, update.executeUpdate());
        }
    }
}
