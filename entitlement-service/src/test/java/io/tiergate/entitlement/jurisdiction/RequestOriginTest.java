package io.tiergate.entitlement.jurisdiction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestOriginTest {

    @Test
    void bothCountriesCountDeclaredFirstAndOnceEach() {
        assertEquals(List.of("US", "CN"), List.copyOf(new RequestOrigin("US", "CN", false, null).countries()));
        assertEquals(List.of("DE"), List.copyOf(new RequestOrigin("DE", "DE", false, null).countries()));
        assertEquals(List.of("FR"), List.copyOf(new RequestOrigin(null, "FR", false, null).countries()));
        assertTrue(RequestOrigin.NONE.countries().isEmpty());
    }

    @Test
    void aMismatchNeedsBothCountriesKnownAndDifferent() {
        assertTrue(new RequestOrigin("US", "CN", false, null).mismatched());
        assertFalse(new RequestOrigin("US", "US", false, null).mismatched());
        assertFalse(RequestOrigin.declared("US").mismatched());
        assertFalse(new RequestOrigin(null, "CN", false, null).mismatched());
    }
}
