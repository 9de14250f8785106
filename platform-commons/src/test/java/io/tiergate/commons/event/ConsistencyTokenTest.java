package io.tiergate.commons.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConsistencyTokenTest {

    @Test
    void aTokenParsesIntoSourceSubjectAndVersion() {
        assertEquals(
                new ConsistencyToken("tier-service", "alice", 42), ConsistencyToken.parse("tier-service:alice:42"));
    }

    @Test
    void aSubjectMayContainColonsTheSourceAndVersionMayNot() {
        ConsistencyToken token = ConsistencyToken.parse("identity-service:urn:org:7:3");

        assertEquals("identity-service", token.source());
        assertEquals("urn:org:7", token.subject());
        assertEquals(3, token.version());
    }

    @Test
    void toStringAndParseRoundTrip() {
        ConsistencyToken token =
                new ConsistencyToken("audit-service", "11111111-1111-4111-8111-000000000001", Long.MAX_VALUE);

        assertEquals(token, ConsistencyToken.parse(token.toString()));
        assertEquals("audit-service:11111111-1111-4111-8111-000000000001:" + Long.MAX_VALUE, token.toString());
    }

    @Test
    void aMissingTokenIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ConsistencyToken.parse(null));
    }

    @Test
    void aTokenWithoutItsThreePartsIsRefused() {
        for (String malformed : new String[] {
            "", "alice", "tier-service:alice", ":alice:1", "tier-service::1", "tier-service:alice:", "tier-service:1"
        }) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> ConsistencyToken.parse(malformed), malformed);
            assertTrue(e.getMessage().contains("source:subject:version"), malformed + ": " + e.getMessage());
        }
    }

    @Test
    void aVersionThatIsNotANumberIsRefused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ConsistencyToken.parse("tier-service:alice:latest"));
        assertTrue(e.getMessage().contains("number"));
        assertThrows(
                IllegalArgumentException.class,
                () -> ConsistencyToken.parse("tier-service:alice:99999999999999999999"));
    }
}
