package io.tiergate.commons.limit;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Admits at most {@code limit} events per key in any window of the given length: a log of the admitted events'
 * times per key, oldest first. Refused events are not logged, so a caller who keeps trying is not locked out
 * for longer; the refusal says when the oldest logged event leaves the window. A key holds at most
 * {@code limit} times, and {@link #evictIdle()} forgets keys with nothing left in the window.
 *
 * <p>The log lives in this instance's memory, so each instance limits on its own: with N instances a caller
 * gets up to N times the limit. Scaled out, enforce the limit where all requests pass (the gateway) or keep
 * the log in a shared store.
 */
public final class SlidingWindowLimiter {

    private final int limit;
    private final Duration window;
    private final InstantSource clock;
    private final Map<String, Deque<Instant>> admitted = new ConcurrentHashMap<>();

    public SlidingWindowLimiter(int limit, Duration window, InstantSource clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("a limit admits at least one event, not " + limit);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a window is longer than zero, not " + window);
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Admits and logs one event for the key, or refuses it saying when the next one will be admitted. */
    public Admission tryAcquire(String key) {
        Instant now = clock.instant();
        Admission[] result = new Admission[1];
        // compute() runs atomically per key, so concurrent callers never admit more than the limit.
        admitted.compute(key, (k, times) -> {
            Deque<Instant> log = times == null ? new ArrayDeque<>(limit) : times;
            dropBefore(log, now.minus(window));
            if (log.size() < limit) {
                log.addLast(now);
                result[0] = Admission.admitted(now);
            } else {
                result[0] =
                        Admission.refused(Duration.between(now, log.peekFirst().plus(window)));
            }
            return log;
        });
        return result[0];
    }

    /** Takes back an admission that another limit refused, so that the refused request counts nowhere. */
    public void release(String key, Admission admission) {
        if (admission.admitted()) {
            admitted.computeIfPresent(key, (k, log) -> {
                log.removeLastOccurrence(admission.at());
                return log.isEmpty() ? null : log;
            });
        }
    }

    /** Forgets the keys with nothing left in the window; run periodically, idle callers then cost no memory. */
    public void evictIdle() {
        Instant cutoff = clock.instant().minus(window);
        for (String key : admitted.keySet()) {
            admitted.computeIfPresent(key, (k, log) -> {
                dropBefore(log, cutoff);
                return log.isEmpty() ? null : log;
            });
        }
    }

    /** How many keys are tracked now. */
    public int size() {
        return admitted.size();
    }

    /** An event at time t counts while t is after now minus the window. */
    private static void dropBefore(Deque<Instant> log, Instant cutoff) {
        while (!log.isEmpty() && !log.peekFirst().isAfter(cutoff)) {
            log.pollFirst();
        }
    }

    /** Admitted at {@code at}, or refused until {@code retryAfter} has passed. */
    public record Admission(boolean admitted, Instant at, Duration retryAfter) {

        static Admission admitted(Instant at) {
            return new Admission(true, at, Duration.ZERO);
        }

        static Admission refused(Duration retryAfter) {
            return new Admission(false, null, retryAfter);
        }
    }
}
