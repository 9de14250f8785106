package io.tiergate.commons.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiergate.commons.testing.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallerLimitsTest {

    private final ManualClock clock = new ManualClock();
    private final CallerLimits limits = new CallerLimits(clock);

    @Test
    void eachCallerHasItsOwnWindowPerLimit() {
        for (int i = 0; i < 3; i++) {
            assertTrue(limits.admit("exports", 3, "auditor-1").admitted());
        }
        SlidingWindowLimiter.Admission refused = limits.admit("exports", 3, "auditor-1");
        assertFalse(refused.admitted());
        assertEquals(Duration.ofMinutes(1), refused.retryAfter());
        assertTrue(limits.admit("exports", 3, "auditor-2").admitted(), "another caller is not held back");
        assertTrue(limits.admit("proofs", 3, "auditor-1").admitted(), "another limit counts apart");
    }

    @Test
    void theWindowSlides() {
        for (int i = 0; i < 2; i++) {
            assertTrue(limits.admit("queue", 2, "officer").admitted());
            clock.advance(Duration.ofSeconds(20));
        }
        assertEquals(Duration.ofSeconds(20), limits.admit("queue", 2, "officer").retryAfter());
        clock.advance(Duration.ofSeconds(20));
        assertTrue(limits.admit("queue", 2, "officer").admitted(), "the first call has left the minute");
    }
}
