package io.tiergate.identity.abuse;

import io.quarkus.scheduler.Scheduled;
import io.tiergate.commons.limit.SlidingWindowLimiter;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Submissions (verifications and organizations together) admitted per account and per client address, each
 * in its own sliding window. A request must pass both; one refused by either is counted by neither. Per
 * instance, like {@link SlidingWindowLimiter}: scaled out, limit at the gateway or in a shared store.
 */
@Singleton
public class SubmissionLimiter {

    static final String ACCOUNT = "account";
    static final String ADDRESS = "address";

    private final SlidingWindowLimiter perAccount;
    private final SlidingWindowLimiter perAddress;

    @Inject
    SubmissionLimiter(AbuseConfig config) {
        this(config.perAccount(), config.perIp(), config.window(), InstantSource.system());
    }

    SubmissionLimiter(int perAccount, int perAddress, Duration window, InstantSource clock) {
        this.perAccount = new SlidingWindowLimiter(perAccount, window, clock);
        this.perAddress = new SlidingWindowLimiter(perAddress, window, clock);
    }

    /** Empty when admitted; otherwise which limit refused and when to try again. */
    public Optional<Refusal> admit(String account, String address) {
        SlidingWindowLimiter.Admission byAccount = perAccount.tryAcquire(account);
        if (!byAccount.admitted()) {
            return Optional.of(new Refusal(ACCOUNT, byAccount.retryAfter()));
        }
        SlidingWindowLimiter.Admission byAddress = perAddress.tryAcquire(address);
        if (!byAddress.admitted()) {
            perAccount.release(account, byAccount);
            return Optional.of(new Refusal(ADDRESS, byAddress.retryAfter()));
        }
        return Optional.empty();
    }

    @Scheduled(every = "60s", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void evictIdle() {
        perAccount.evictIdle();
        perAddress.evictIdle();
    }

    /** {@code limit} is {@value #ACCOUNT} or {@value #ADDRESS}. */
    public record Refusal(String limit, Duration retryAfter) {

        /** Whole seconds, rounded up, at least one: the value of a Retry-After header. */
        public long retryAfterSeconds() {
            long millis = retryAfter.toMillis();
            return Math.max(1, (millis + 999) / 1000);
        }
    }
}
