package io.tiergate.entitlement.decision;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * ALLOW counts per subject, capability, policy version and window, kept by window start so that a closed window is
 * taken whole, without scanning the open one. Times are passed in (milliseconds since the epoch), so the caller's
 * clock decides.
 */
final class AllowedAggregates {

    /** A window is taken this long after its end, so that a count still on its way lands in it. */
    static final long GRACE_MILLIS = 1_000;

    private record Key(String subject, String capability, String policyVersion) {}

    private final long windowMillis;
    private final Map<Long, Map<Key, LongAdder>> byWindowStart = new ConcurrentHashMap<>();

    AllowedAggregates(Duration window) {
        this.windowMillis = window.toMillis();
    }

    /** Counts one ALLOW at {@code nowMillis} in the window that contains it. */
    void count(String subject, String capability, String policyVersion, long nowMillis) {
        long start = nowMillis / windowMillis * windowMillis;
        byWindowStart
                .computeIfAbsent(start, w -> new ConcurrentHashMap<>())
                .computeIfAbsent(new Key(subject, capability, policyVersion), k -> new LongAdder())
                .increment();
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
            Map<Key, LongAdder> counts = byWindowStart.remove(start);
            if (counts == null) {
                continue;
            }
            OffsetDateTime windowStart = OffsetDateTime.ofInstant(Instant.ofEpochMilli(start), ZoneOffset.UTC);
            OffsetDateTime windowEnd =
                    OffsetDateTime.ofInstant(Instant.ofEpochMilli(start + windowMillis), ZoneOffset.UTC);
            counts.forEach((key, count) -> closed.add(new DecisionEvents.Pending(
                    key.subject(),
                    DecisionEvents.ALLOWED_AGGREGATE,
                    new DecisionEvents.AllowedAggregate(
                            key.capability(), windowStart, windowEnd, count.sum(), key.policyVersion()))));
        }
        return closed;
    }

    boolean isEmpty() {
        return byWindowStart.isEmpty();
    }
}
