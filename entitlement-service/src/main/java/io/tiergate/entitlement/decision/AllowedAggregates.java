package io.tiergate.entitlement.decision;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * ALLOW counts per subject, capability, policy version and window, kept by window start so that a closed window is
 * taken whole, without scanning the open one. Times are passed in (milliseconds since the epoch), so the caller's
 * clock decides.
 *
 * <p>Counting (request threads) and taking (the writer) race on a window: a count may have found the window just
 * before it is taken and land in it just after its counts were read. So a window is closed before it is read, and
 * read only once the counts under way in it have landed; a count that finds its window closed counts again, in a
 * fresh window of the same start, taken with the next round. Every ALLOW is in exactly one aggregate, and a request
 * thread never waits: only the writer does, for counts already under way.
 */
final class AllowedAggregates {

    /** A window is taken this long after its end, so that a count still on its way lands in it. */
    static final long GRACE_MILLIS = 1_000;

    private record Key(String subject, String capability, String policyVersion) {}

    /** One window's counts, with the counts under way in it. */
    private static final class Window {
        final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();
        /** Counts that found this window open and have not landed yet. */
        final AtomicInteger underWay = new AtomicInteger();
        /** Set once the window left {@link #byWindowStart}: a count that sees it goes to a fresh window. */
        volatile boolean closed;
    }

    private final long windowMillis;
    private final Map<Long, Window> byWindowStart = new ConcurrentHashMap<>();

    AllowedAggregates(Duration window) {
        this.windowMillis = window.toMillis();
    }

    /** Counts one ALLOW at {@code nowMillis} in the window that contains it. */
    void count(String subject, String capability, String policyVersion, long nowMillis) {
        long start = nowMillis / windowMillis * windowMillis;
        Key key = new Key(subject, capability, policyVersion);
        while (true) {
            Window window = byWindowStart.computeIfAbsent(start, w -> new Window());
            // announced before closed is read; the writer sets closed before it reads underWay (both volatile), so
            // either this count sees the window closed or the writer waits for it
            window.underWay.incrementAndGet();
            try {
                if (!window.closed) {
                    window.counts.computeIfAbsent(key, k -> new LongAdder()).increment();
                    return;
                }
            } finally {
                window.underWay.decrementAndGet();
            }
            // taken meanwhile (a count more than the grace late, or shutdown): it left the map before it closed
        }
    }

    /**
     * Removes and returns, as events to publish, the aggregates of every window that closed at least
     * {@link #GRACE_MILLIS} before {@code nowMillis}, or of every window when {@code all} (shutdown).
     */
    List<DecisionEvents.Pending> takeClosed(long nowMillis, boolean all) {
        List<DecisionEvents.Pending> closed = new ArrayList<>();
        for (Long start : List.copyOf(byWindowStart.keySet())) {
            if (!all && start + windowMillis + GRACE_MILLIS > nowMillis) {
                continue;
            }
            Window window = byWindowStart.remove(start);
            if (window == null) {
                continue;
            }
            window.closed = true;
            awaitCountsUnderWay(window);
            OffsetDateTime windowStart = OffsetDateTime.ofInstant(Instant.ofEpochMilli(start), ZoneOffset.UTC);
            OffsetDateTime windowEnd =
                    OffsetDateTime.ofInstant(Instant.ofEpochMilli(start + windowMillis), ZoneOffset.UTC);
            window.counts.forEach((key, count) -> closed.add(new DecisionEvents.Pending(
                    key.subject(),
                    DecisionEvents.ALLOWED_AGGREGATE,
                    new DecisionEvents.AllowedAggregate(
                            key.capability(), windowStart, windowEnd, count.sum(), key.policyVersion()))));
        }
        return closed;
    }

    /** A count under way is a map lookup and an increment; its thread may be descheduled, so spin, then yield. */
    private static void awaitCountsUnderWay(Window window) {
        for (int spins = 0; window.underWay.get() != 0; spins++) {
            if (spins < 100) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    boolean isEmpty() {
        return byWindowStart.isEmpty();
    }
}
