package io.tiergate.campaign.campaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.tiergate.campaign.detection.CampaignSignal;
import io.tiergate.commons.inbox.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Feeds the detector's signals to the campaign store. A database fault is retried (holding the partition, so no
 * signal is lost or reordered); a signal that cannot be read is logged by kind and skipped.
 */
@ApplicationScoped
public class SignalConsumer {

    private static final Logger LOG = Logger.getLogger(SignalConsumer.class);

    @Inject
    ObjectMapper json;

    @Inject
    CampaignAssembler assembler;

    @Inject
    EventConsumer retry;

    @Incoming("campaign-signals")
    @Blocking
    public void onSignal(String payload) {
        CampaignSignal signal;
        try {
            signal = json.readValue(payload, CampaignSignal.class);
        } catch (Exception e) {
            LOG.warnf("skipped an unreadable campaign signal (%s)", e.getClass().getSimpleName());
            return;
        }
        retry.retrying("campaign-service.signals", "signal of " + signal.campaignKey(), () -> assembler.apply(signal));
    }
}
