package io.tiergate.entitlement.policy;

import java.time.Duration;

/**
 * A usage budget over a sliding window: at most {@code requests} allowed decisions and/or {@code tokens} reported
 * tokens, counted per subject or per organization (the organization whose grant gave the tier).
 */
public record Budget(Scope scope, Duration window, Long requests, Long tokens) {

    public enum Scope {
        SUBJECT,
        ORGANIZATION
    }

    public Budget {
        scope = scope == null ? Scope.SUBJECT : scope;
    }
}
