package io.tiergate.identity.sybil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class FingerprintsTest {

    @Test
    void emailsAreCanonical() {
        assertEquals("carolx@gmail.com", Fingerprints.canonicalEmail(" Carol.X+signup2@GoogleMail.com "));
        assertEquals("carol.x@example.org", Fingerprints.canonicalEmail("Carol.X+tag@Example.org"));
    }

    @Test
    void phonesAreE164() {
        assertEquals("+4915123456789", Fingerprints.e164("0151 2345 6789", "DE"));
        assertEquals("+4915123456789", Fingerprints.e164("+49 (151) 234-56789", "US"));
        assertNull(Fingerprints.e164("12", "DE"));
    }
}
