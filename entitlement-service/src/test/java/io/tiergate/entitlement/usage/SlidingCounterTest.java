package io.tiergate.entitlement.usage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A 20-second window in twenty 1-second buckets, driven by explicit times. */
class SlidingCounterTest {

    private static final long WINDOW = 20_000;

    private final SlidingCounter counter = new SlidingCounter(WINDOW);

    @Test
    void countsWithinTheWindowAddUp() {
        counter.add(1_000, 1_000, 2, 100);
        counter.add(5_500, 5_500, 1, 50);

        assertArrayEquals(new long[] {3, 150}, counter.sum(6_000));
    }

    @Test
    void aCountLeavesTheWindowWithItsBucketNotAllAtOnce() {
        counter.add(0, 0, 1, 0);
        counter.add(10_000, 10_000, 1, 0);

        assertEquals(2, counter.sum(19_999)[0]);
        assertEquals(1, counter.sum(20_000)[0], "the first bucket left, the second is still in");
        assertEquals(1, counter.sum(29_999)[0]);
        assertEquals(0, counter.sum(30_000)[0]);
    }

    @Test
    void aBucketReusedAfterAFullTurnStartsFromZero() {
        counter.add(0, 0, 5, 500);
        counter.add(WINDOW, WINDOW, 1, 10); // the same slot, one window later

        assertArrayEquals(new long[] {1, 10}, counter.sum(WINDOW));
    }

    @Test
    void aCountObservedAlreadyOutsideTheWindowIsDropped() {
        counter.add(0, 25_000, 4, 0);

        assertEquals(0, counter.sum(25_000)[0]);
        assertEquals(0, counter.sum(0)[0], "it was never recorded");
    }

    @Test
    void aLateCountStillInsideTheWindowCountsUntilItsBucketLeaves() {
        counter.add(15_000, 20_000, 3, 0); // another instance's delta, arriving 5 s late

        assertEquals(3, counter.sum(20_000)[0]);
        assertEquals(3, counter.sum(34_999)[0]);
        assertEquals(0, counter.sum(35_000)[0]);
    }

    @Test
    void aCountStampedAheadOfNowIsNotYetInTheWindow() {
        counter.add(5_000, 0, 1, 0);

        assertEquals(0, counter.sum(0)[0]);
        assertEquals(1, counter.sum(5_000)[0]);
    }

    @Test
    void tryAddRequestCountsUpToTheLimitAndNoFurther() {
        assertEquals(1, counter.tryAddRequest(1_000, 2));
        assertEquals(2, counter.tryAddRequest(1_001, 2));
        assertEquals(-1, counter.tryAddRequest(1_002, 2));
        assertEquals(2, counter.sum(1_003)[0], "a refused request is not counted");
        assertEquals(1, counter.tryAddRequest(21_000, 2), "once the first bucket left, there is room again");
    }

    @Test
    void aNegativeCountTakesBackARequest() {
        counter.add(1_000, 1_000, 1, 0);
        counter.add(1_000, 1_000, -1, 0);

        assertEquals(0, counter.sum(1_000)[0]);
    }

    @Test
    void idleMeansUntouchedSinceTheGivenTime() {
        assertTrue(counter.idleSince(1), "never touched");
        counter.add(1_000, 2_000, 1, 0);

        assertFalse(counter.idleSince(2_000));
        assertTrue(counter.idleSince(2_001));
    }

    @Test
    void aWindowShorterThanItsBucketCountStillSlides() {
        SlidingCounter tiny = new SlidingCounter(10); // buckets of 1 ms

        tiny.add(0, 0, 1, 0);

        assertEquals(1, tiny.sum(SlidingCounter.BUCKETS - 1)[0]);
        assertEquals(0, tiny.sum(SlidingCounter.BUCKETS)[0]);
    }
}
