package io.tiergate.commons.tier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The tier list and its precedence: the most privileged first, not the alphabet. */
class TierNameTest {

    @Test
    void theTiersInPrecedenceOrder() {
        assertEquals(List.of("GOVERNMENT", "RESEARCH", "ENTERPRISE", "PUBLIC"), TierName.NAMES);
        assertTrue(TierName.isKnown("RESEARCH"));
        assertFalse(TierName.isKnown("research"));
        assertFalse(TierName.isKnown("ADMIN"));
        assertFalse(TierName.isKnown(null));
    }

    @Test
    void precedenceOrdersTheMostPrivilegedFirstAndUnknownNamesLast() {
        TreeSet<String> ordered = new TreeSet<>(TierName.PRECEDENCE);
        ordered.addAll(List.of("PUBLIC", "ZULU", "ENTERPRISE", "GOVERNMENT", "ALPHA", "RESEARCH"));

        assertEquals(
                List.of("GOVERNMENT", "RESEARCH", "ENTERPRISE", "PUBLIC", "ALPHA", "ZULU"), new ArrayList<>(ordered));
    }
}
