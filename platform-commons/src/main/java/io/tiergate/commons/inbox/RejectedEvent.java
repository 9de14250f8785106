package io.tiergate.commons.inbox;

/** An event that can never be applied (malformed, or contradicting the consumer's rules): skipped, not retried. */
public class RejectedEvent extends RuntimeException {

    public RejectedEvent(String message) {
        super(message);
    }
}
