package io.tiergate.entitlement.usage;

/**
 * Requests and tokens counted over a sliding window, in {@value #BUCKETS} buckets: a count leaves the window one
 * bucket (a twentieth of the window) at a time, so the window slides in small steps instead of resetting at once.
 */
final class SlidingCounter {

    static final int BUCKETS = 20;

    private final long bucketMillis;
    private final long[] bucketIndex = new long[BUCKETS];
    private final long[] requests = new long[BUCKETS];
    private final long[] tokens = new long[BUCKETS];
    private volatile long lastTouched;

    SlidingCounter(long windowMillis) {
        this.bucketMillis = Math.max(1, windowMillis / BUCKETS);
        java.util.Arrays.fill(bucketIndex, Long.MIN_VALUE);
    }

    /** Adds counts observed at {@code atMillis}; counts already outside the window are dropped. */
    synchronized void add(long atMillis, long nowMillis, long requestCount, long tokenCount) {
        long index = atMillis / bucketMillis;
        if (index <= nowMillis / bucketMillis - BUCKETS) {
            return;
        }
        int slot = slot(index);
        if (bucketIndex[slot] != index) {
            bucketIndex[slot] = index;
            requests[slot] = 0;
            tokens[slot] = 0;
        }
        requests[slot] += requestCount;
        tokens[slot] += tokenCount;
        lastTouched = nowMillis;
    }

    /** The request count within the window, then one more if it stays within {@code limit}; -1 when it would not. */
    synchronized long tryAddRequest(long nowMillis, long limit) {
        long used = sum(nowMillis)[0];
        if (used >= limit) {
            return -1;
        }
        add(nowMillis, nowMillis, 1, 0);
        return used + 1;
    }

    /** {requests, tokens} within the window ending now. */
    synchronized long[] sum(long nowMillis) {
        long current = nowMillis / bucketMillis;
        long r = 0;
        long t = 0;
        for (int i = 0; i < BUCKETS; i++) {
            if (bucketIndex[i] > current - BUCKETS && bucketIndex[i] <= current) {
                r += requests[i];
                t += tokens[i];
            }
        }
        return new long[] {r, t};
    }

    boolean idleSince(long millis) {
        return lastTouched < millis;
    }

    private static int slot(long index) {
        return (int) Math.floorMod(index, (long) BUCKETS);
    }
}
