package io.tiergate.entitlement.campaign;

import io.tiergate.commons.event.CloudEvent;
import io.tiergate.commons.inbox.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code tiergate.campaign} in a consumer group of this instance's own (every instance contains every account),
 * from the beginning at start. No inbox: applying an account event twice, in its partition's order, changes nothing.
 */
@ApplicationScoped
public class CampaignEventsConsumer {

    static final String CONSUMER = "entitlement-service-campaigns";

    @Inject
    EventConsumer events;

    @Inject
    ContainedAccounts contained;

    @Incoming("campaign-events")
    public void onCampaignEvent(String payload) {
        CloudEvent event = events.parse(CONSUMER, payload);
        if (event != null) {
            contained.apply(event);
        }
    }
}
