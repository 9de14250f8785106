package io.tiergate.identity.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiergate.commons.testing.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SubmissionLimiterTest {

    static final Duration WINDOW = Duration.ofHours(1);
    static final String ACCOUNT = "account-a";
    static final String OTHER_ACCOUNT = "account-b";
    static final String THIRD_ACCOUNT = "account-c";
    static final String ADDRESS = "203.0.113.7";
    static final String OTHER_ADDRESS = "198.51.100.4";

    final ManualClock clock = new ManualClock();

    @Test
    void anAccountIsLimitedWhicheverAddressItUses() {
        SubmissionLimiter limiter = new SubmissionLimiter(2, 20, WINDOW, clock);
        assertTrue(limiter.admit(ACCOUNT, ADDRESS).isEmpty());
        assertTrue(limiter.admit(ACCOUNT, OTHER_ADDRESS).isEmpty());
        SubmissionLimiter.Refusal refusal = limiter.admit(ACCOUNT, "192.0.2.1").orElseThrow();
        assertEquals(SubmissionLimiter.ACCOUNT, refusal.limit());
        assertEquals(3600, refusal.retryAfterSeconds());
    }

    @Test
    void anAddressIsLimitedWhicheverAccountsUseIt() {
        SubmissionLimiter limiter = new SubmissionLimiter(5, 2, WINDOW, clock);
        assertTrue(limiter.admit(ACCOUNT, ADDRESS).isEmpty());
        clock.advance(Duration.ofMinutes(20));
        assertTrue(limiter.admit(OTHER_ACCOUNT, ADDRESS).isEmpty());
        SubmissionLimiter.Refusal refusal =
                limiter.admit(THIRD_ACCOUNT, ADDRESS).orElseThrow();
        assertEquals(SubmissionLimiter.ADDRESS, refusal.limit());
        assertEquals(40 * 60, refusal.retryAfterSeconds());
        assertTrue(limiter.admit(THIRD_ACCOUNT, OTHER_ADDRESS).isEmpty());
    }

    @Test
    void aRequestRefusedByItsAddressDoesNotUseUpTheAccountsBudget() {
        SubmissionLimiter limiter = new SubmissionLimiter(1, 1, WINDOW, clock);
        assertTrue(limiter.admit(OTHER_ACCOUNT, ADDRESS).isEmpty());
        assertEquals(
                SubmissionLimiter.ADDRESS,
                limiter.admit(ACCOUNT, ADDRESS).orElseThrow().limit());
        assertTrue(limiter.admit(ACCOUNT, OTHER_ADDRESS).isEmpty(), "the account has made no submission yet");
    }

    @Test
    void retryAfterIsRoundedUpToWholeSeconds() {
        assertEquals(
                1, new SubmissionLimiter.Refusal(SubmissionLimiter.ACCOUNT, Duration.ofMillis(1)).retryAfterSeconds());
        assertEquals(1, new SubmissionLimiter.Refusal(SubmissionLimiter.ACCOUNT, Duration.ZERO).retryAfterSeconds());
        assertEquals(
                3,
                new SubmissionLimiter.Refusal(SubmissionLimiter.ACCOUNT, Duration.ofMillis(2001)).retryAfterSeconds());
    }
}
