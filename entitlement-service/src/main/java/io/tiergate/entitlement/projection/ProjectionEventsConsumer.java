package io.tiergate.entitlement.projection;

import io.smallrye.common.annotation.Blocking;
import io.tiergate.commons.inbox.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds identity and tier events into the projection, each exactly once in effect. */
@ApplicationScoped
public class ProjectionEventsConsumer {

    static final String VERIFICATION_PREFIX = "tiergate.identity.verification.";
    /** The events that carry a verdict; submitted and reviewed only describe the case's progress. */
    static final java.util.Set<String> VERDICTS =
            java.util.Set.of("verified", "rejected", "review-required", "revoked", "expired").stream()
                    .map(v -> VERIFICATION_PREFIX + v)
                    .collect(java.util.stream.Collectors.toSet());

    static final String MEMBERSHIP_CHANGED = "tiergate.identity.organization.membership.changed";
    static final String TIER_TYPES_PREFIX = "tiergate.tier.";

    @Inject
    EventConsumer consumer;

    @Inject
    SubjectProjection projection;

    @Inject
    ProjectionFreshness freshness;

    /**
     * This instance's consumer group, also its name in the inbox: replicas share the database, and each must apply
     * every event to its own memory, so one instance's delivery must not mark the event seen for another.
     */
    @ConfigProperty(name = "tiergate.projection.consumer-group")
    String group;

    @Incoming("identity-events")
    @Blocking
    public void onIdentityEvent(String payload) {
        freshness.processing(true);
        try {
            consumeIdentity(payload);
        } finally {
            freshness.processing(false);
        }
    }

    private void consumeIdentity(String payload) {
        consumer.consume(group + ".identity", payload, event -> {
            if (VERDICTS.contains(event.type())) {
                projection.applyIdentity(event);
            } else if (MEMBERSHIP_CHANGED.equals(event.type())) {
                projection.advanceOnly(event); // a token from a membership change can be waited for
            }
        });
    }

    @Incoming("tier-events")
    @Blocking
    public void onTierEvent(String payload) {
        freshness.processing(true);
        try {
            consumeTier(payload);
        } finally {
            freshness.processing(false);
        }
    }

    private void consumeTier(String payload) {
        consumer.consume(group + ".tier", payload, event -> {
            if (event.type().startsWith(TIER_TYPES_PREFIX)) {
                projection.applyTier(event);
            }
        });
    }
}
