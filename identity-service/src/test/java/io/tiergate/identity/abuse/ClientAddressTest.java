package io.tiergate.identity.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    static final String PEER = "10.0.0.5";
    static final String CLIENT = "203.0.113.7";

    @Test
    void theForwardedForHeaderIsIgnoredUnlessTrusted() {
        assertEquals(PEER, ClientAddress.of(CLIENT, PEER, false));
    }

    @Test
    void aTrustedHeaderGivesItsFirstHop() {
        assertEquals(CLIENT, ClientAddress.of(" " + CLIENT + " , 10.0.0.1, 10.0.0.2", PEER, true));
        assertEquals(CLIENT, ClientAddress.of(CLIENT, PEER, true));
    }

    @Test
    void withoutAUsableHeaderThePeerCounts() {
        assertEquals(PEER, ClientAddress.of(null, PEER, true));
        assertEquals(PEER, ClientAddress.of(" , 10.0.0.1", PEER, true));
        assertEquals(ClientAddress.UNKNOWN, ClientAddress.of(null, null, true));
    }
}
