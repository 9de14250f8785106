package io.tiergate.commons.limit;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One sliding window per limit name, keyed by caller. The windows live in this instance's memory: with N instances a
 * caller gets up to N times the limit, which bounds the cost per instance, the point of these limits.
 */
@ApplicationScoped
public class CallerLimits {

    static final Duration WINDOW = Duration.ofMinutes(1);
    /** Idle callers are forgotten every so many admissions, so that memory follows the active callers only. */
    static final int EVICT_EVERY = 4096;

    private final Map<String, SlidingWindowLimiter> limiters = new ConcurrentHashMap<>();
    private final AtomicLong admissions = new AtomicLong();
    private final InstantSource clock;

    public CallerLimits() {
        this(InstantSource.system());
    }

    CallerLimits(InstantSource clock) {
        this.clock = clock;
    }

    /** Admits one call of the caller under the named limit, or says how long to wait. */
    public SlidingWindowLimiter.Admission admit(String limit, int perMinute, String caller) {
        SlidingWindowLimiter limiter = limiters.computeIfAbsent(
                limit + "/" + perMinute, k -> new SlidingWindowLimiter(perMinute, WINDOW, clock));
        if (admissions.incrementAndGet() % EVICT_EVERY == 0) {
            limiters.values().forEach(SlidingWindowLimiter::evictIdle);
        }
        return limiter.tryAcquire(caller);
    }
}
