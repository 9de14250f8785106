package io.tiergate.tier.identity;

import io.smallrye.common.annotation.Blocking;
import io.tiergate.commons.event.CloudEvent;
import io.tiergate.commons.inbox.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Receives identity-service's events, each applied once (inbox by event id) in its own transaction. */
@ApplicationScoped
public class IdentityEventsConsumer {

    @Inject
    EventConsumer consumer;

    @Inject
    IdentityReactions reactions;

    @Incoming("identity-events")
    @Blocking
    public void onIdentityEvent(String payload) {
        consumer.consume("tier-service.identity", payload, this::apply);
    }

    void apply(CloudEvent event) {
        switch (event.type()) {
            case IdentityReactions.VERIFIED,
                    IdentityReactions.REJECTED,
                    IdentityReactions.REVIEW_REQUIRED,
                    IdentityReactions.REVOKED,
                    IdentityReactions.EXPIRED -> reactions.onVerdict(event);
            case IdentityReactions.SCREENING_HIT -> reactions.onScreeningHit(event);
            case IdentityReactions.ORGANIZATION_VERIFIED,
                    IdentityReactions.ORGANIZATION_REJECTED,
                    IdentityReactions.ORGANIZATION_REVIEW_REQUIRED -> reactions.onOrganization(event);
            case IdentityReactions.MEMBERSHIP_CHANGED -> reactions.onMembership(event);
            default -> {
                // submitted, cluster links and the like do not change what anyone may hold
            }
        }
    }
}
