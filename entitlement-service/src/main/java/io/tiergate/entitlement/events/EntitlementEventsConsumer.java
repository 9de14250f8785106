package io.tiergate.entitlement.events;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@link EntitlementEvents#TOPIC} in a consumer group of this instance's own (a broadcast): whenever an instance
 * announces a directive or a policy change, this one reads the directives in force and the policy in force again
 * from the database (both are few and small), which its observers of {@link EntitlementEvents.Changed} do
 * synchronously, on this thread. So a change takes effect everywhere within the time it takes Kafka to deliver one
 * event.
 */
@ApplicationScoped
public class EntitlementEventsConsumer {

    @Inject
    Event<EntitlementEvents.Changed> changed;

    @Incoming("entitlement-events")
    @Blocking
    public void onEntitlementEvent(String ignored) {
        changed.fire(EntitlementEvents.Changed.ANNOUNCED);
    }
}
