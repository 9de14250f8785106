package io.tiergate.tier.campaign;

import io.smallrye.common.annotation.Blocking;
import io.tiergate.commons.event.CloudEvent;
import io.tiergate.commons.inbox.EventConsumer;
import io.tiergate.tier.grant.GrantService;
import io.tiergate.tier.grant.HolderKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Receives campaign-service's events, each applied once (inbox by event id) in its own transaction. An officer's
 * confirmation that an account took part in a campaign suspends the person's active grants; the suspensions and the
 * effective tiers that follow are announced as tier events like any other.
 */
@ApplicationScoped
public class CampaignEventsConsumer {

    static final String CONSUMER = "tier-service.campaign";
    static final String ACCOUNT_CONFIRMED = "tiergate.campaign.account.confirmed";
    public static final String CAUSE = "CAMPAIGN_CONFIRMED";

    @Inject
    EventConsumer consumer;

    @Inject
    GrantService grants;

    @Incoming("campaign-events")
    @Blocking
    public void onCampaignEvent(String payload) {
        consumer.consume(CONSUMER, payload, this::apply);
    }

    void apply(CloudEvent event) {
        if (!ACCOUNT_CONFIRMED.equals(event.type()) || event.subject() == null) {
            return; // containment and its release are entitlement-service's; campaign-level events hold no account
        }
        String campaign =
                event.data() == null ? "" : event.data().path("campaignId").asText("");
        // the campaign id, not the officer's free text: the reason travels in tier events to every consumer
        grants.suspendAll(
                event.subject(), HolderKind.SUBJECT, CAUSE, "campaign " + campaign + " confirmed by an officer");
    }
}
