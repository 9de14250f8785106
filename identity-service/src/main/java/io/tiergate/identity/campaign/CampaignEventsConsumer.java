package io.tiergate.identity.campaign;

import io.smallrye.common.annotation.Blocking;
import io.tiergate.commons.event.CloudEvent;
import io.tiergate.commons.inbox.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Receives campaign-service's events, each applied once (inbox by event id) in its own transaction. */
@ApplicationScoped
public class CampaignEventsConsumer {

    private static final Logger LOG = Logger.getLogger(CampaignEventsConsumer.class);
    static final String CONSUMER = "identity-service.campaign";
    static final String ACCOUNT_CONFIRMED = "tiergate.campaign.account.confirmed";

    @Inject
    EventConsumer consumer;

    @Inject
    CampaignReverification reverification;

    @Incoming("campaign-events")
    @Blocking
    public void onCampaignEvent(String payload) {
        consumer.consume(CONSUMER, payload, this::apply);
    }

    void apply(CloudEvent event) {
        if (!ACCOUNT_CONFIRMED.equals(event.type()) || event.subject() == null || event.data() == null) {
            return; // containment is entitlement-service's; a dismissal leaves the verification as it was
        }
        String campaign = event.data().path("campaignId").asText("");
        String officer = event.data().path("officer").asText("");
        int revoked = reverification.require(event.subject(), campaign, officer.isBlank() ? event.source() : officer);
        if (revoked == 0) {
            LOG.infof("campaign event %s: no verified case to revoke", event.id());
        }
    }
}
