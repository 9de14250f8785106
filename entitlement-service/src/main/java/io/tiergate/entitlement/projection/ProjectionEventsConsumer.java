package io.tiergate.entitlement.projection;

import io.smallrye.common.annotation.Blocking;
import io.tiergate.commons.inbox.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Feeds identity and tier events into the projection, each exactly once in effect. */
@ApplicationScoped
public class ProjectionEventsConsumer {

    static final String VERIFICATION_PREFIX = "tiergate.identity.verification.";
    static final String GRANT_TYPES_PREFIX = "tiergate.tier.";

    @Inject
    EventConsumer consumer;

    @Inject
    SubjectProjection projection;

    @Incoming("identity-events")
    @Blocking
    public void onIdentityEvent(String payload) {
        consumer.consume("entitlement-service.identity", payload, event -> {
            if (event.type().startsWith(VERIFICATION_PREFIX)) {
                projection.applyIdentity(event);
            }
        });
    }

    @Incoming("tier-events")
    @Blocking
    public void onTierEvent(String payload) {
        consumer.consume("entitlement-service.tier", payload, event -> {
            if (event.type().startsWith(GRANT_TYPES_PREFIX) && event.data().hasNonNull("grantId")) {
                projection.applyTier(event);
            }
        });
    }
}
