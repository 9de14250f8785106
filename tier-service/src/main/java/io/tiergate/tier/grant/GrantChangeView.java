package io.tiergate.tier.grant;

import java.time.OffsetDateTime;

public record GrantChangeView(
        String action, GrantStatus status, String actor, String reason, OffsetDateTime at, OffsetDateTime expiresAt) {

    static GrantChangeView of(GrantChange change) {
        return new GrantChangeView(
                change.action, change.status, change.actor, change.reason, change.at, change.expiresAt);
    }
}
