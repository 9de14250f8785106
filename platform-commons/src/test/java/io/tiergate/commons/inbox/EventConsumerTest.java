package io.tiergate.commons.inbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures hold a partition (retried) and which skip a poison event. */
class EventConsumerTest {

    @Test
    void databaseOutagesAreRetried() {
        assertTrue(EventConsumer.isTransient(new IllegalStateException(new SQLException("refused", "08001"))));
        assertTrue(EventConsumer.isTransient(new RuntimeException(new SQLException("admin shutdown", "57P01"))));
        assertTrue(EventConsumer.isTransient(new RuntimeException(new SQLException("serialization", "40001"))));
        assertTrue(EventConsumer.isTransient(new RuntimeException(new SQLException("acquisition timeout"))));
    }

    @Test
    void eventsThatCanNeverApplyAreNot() {
        assertFalse(EventConsumer.isTransient(new IllegalArgumentException("Invalid UUID string: c")));
        assertFalse(EventConsumer.isTransient(new NullPointerException()));
        assertFalse(EventConsumer.isTransient(new RuntimeException(new SQLException("null value", "23502"))));
        assertFalse(EventConsumer.isTransient(new RejectedEvent("contradicts the rules")));
    }

    @Test
    void aRaceIsRetriedButAPoisonEventIsGivenUpAfterAFewAttempts() {
        EventConsumer consumer = new EventConsumer();
        int[] calls = {0};
        consumer.retrying("test", "a race", () -> {
            if (++calls[0] < 3) {
                throw new IllegalStateException(new SQLException("duplicate key", "23505"));
            }
        });
        assertTrue(calls[0] == 3, "succeeded on the third attempt");

        calls[0] = 0;
        try {
            consumer.retrying("test", "poison", () -> {
                calls[0]++;
                throw new IllegalArgumentException("Invalid UUID string: c");
            });
            throw new AssertionError("poison must propagate");
        } catch (IllegalArgumentException expected) {
            assertTrue(calls[0] == EventConsumer.ATTEMPTS_BEFORE_REJECTING, "attempts: " + calls[0]);
        }
    }
}
