package io.tiergate.commons.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiergate.commons.testing.ManualClock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SlidingWindowLimiterTest {

    static final Duration WINDOW = Duration.ofHours(1);
    static final String ACCOUNT = "account-a";
    static final String OTHER_ACCOUNT = "account-b";

    final ManualClock clock = new ManualClock();

    @Test
    void admitsUpToTheLimitThenRefusesUntilTheOldestLeavesTheWindow() {
        SlidingWindowLimiter limiter = new SlidingWindowLimiter(3, WINDOW, clock);
        assertTrue(limiter.tryAcquire(ACCOUNT).admitted());
        clock.advance(Duration.ofMinutes(10));
        assertTrue(limiter.tryAcquire(ACCOUNT).admitted());
        clock.advance(Duration.ofMinutes(10));
        assertTrue(limiter.tryAcquire(ACCOUNT).admitted());
        clock.advance(Duration.ofMinutes(5));

        SlidingWindowLimiter.Admission refused = limiter.tryAcquire(ACCOUNT);
        assertFalse(refused.admitted());
        assertEquals(Duration.ofMinutes(35), refused.retryAfter(), "the first one, 25 minutes old, leaves in 35");

        clock.advance(Duration.ofMinutes(35));
        assertTrue(limiter.tryAcquire(ACCOUNT).admitted(), "the window slid past the first one");
        SlidingWindowLimiter.Admission again = limiter.tryAcquire(ACCOUNT);
        assertFalse(again.admitted());
        assertEquals(Duration.ofMinutes(10), again.retryAfter(), "now the second one is the oldest");
    }

    @Test
    void refusedAttemptsAreNotCountedSoTryingAgainDoesNotExtendTheWait() {
        SlidingWindowLimiter limiter = new SlidingWindowLimiter(1, WINDOW, clock);
        assertTrue(limiter.tryAcquire(ACCOUNT).admitted());
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMinutes(5));
            assertFalse(limiter.tryAcquire(ACCOUNT).admitted());
        }
        clock.advance(Duration.ofMinutes(10));
        assertTrue(limiter.tryAcquire(ACCOUNT).admitted());
    }

    @Test
    void keysHaveTheirOwnWindows() {
        SlidingWindowLimiter limiter = new SlidingWindowLimiter(1, WINDOW, clock);
        assertTrue(limiter.tryAcquire(ACCOUNT).admitted());
        assertFalse(limiter.tryAcquire(ACCOUNT).admitted());
        assertTrue(limiter.tryAcquire(OTHER_ACCOUNT).admitted());
    }

    @Test
    void aReleasedAdmissionNoLongerCounts() {
        SlidingWindowLimiter limiter = new SlidingWindowLimiter(1, WINDOW, clock);
        SlidingWindowLimiter.Admission admission = limiter.tryAcquire(ACCOUNT);
        limiter.release(ACCOUNT, admission);
        assertEquals(0, limiter.size(), "an emptied key is forgotten");
        assertTrue(limiter.tryAcquire(ACCOUNT).admitted());
    }

    @Test
    void idleKeysAreForgotten() {
        SlidingWindowLimiter limiter = new SlidingWindowLimiter(2, WINDOW, clock);
        limiter.tryAcquire(ACCOUNT);
        clock.advance(Duration.ofMinutes(30));
        limiter.tryAcquire(OTHER_ACCOUNT);
        assertEquals(2, limiter.size());

        clock.advance(Duration.ofMinutes(31));
        limiter.evictIdle();
        assertEquals(1, limiter.size(), "only the key with an event still in the window is kept");
        clock.advance(Duration.ofMinutes(30));
        limiter.evictIdle();
        assertEquals(0, limiter.size());
    }

    @Test
    void concurrentCallersNeverGetMoreThanTheLimit() throws Exception {
        SlidingWindowLimiter limiter = new SlidingWindowLimiter(50, WINDOW, InstantSource.system());
        AtomicInteger admitted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        if (limiter.tryAcquire(ACCOUNT).admitted()) {
                            admitted.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(50, admitted.get());
    }

    @Test
    void nonsensicalLimitsAreRefusedAtStartup() {
        assertThrows(IllegalArgumentException.class, () -> new SlidingWindowLimiter(0, WINDOW, clock));
        assertThrows(IllegalArgumentException.class, () -> new SlidingWindowLimiter(1, Duration.ZERO, clock));
    }
}
