package io.tiergate.campaign.campaign;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Campaigns detected and accounts contained, for Prometheus (deploy/prometheus: the containment-rate alert).
 * Registered at startup, so that a quiet service exports zeros rather than nothing. Counted inside the assembler's
 * transaction: a signal whose transaction rolls back and is delivered again counts twice, which a rate tolerates.
 */
@ApplicationScoped
public class CampaignMetrics {

    @Inject
    MeterRegistry meters;

    private Counter detected;
    private Counter contained;

    void register(@Observes StartupEvent ignored) {
        detected = Counter.builder("tiergate.campaign.detected")
                .description("campaigns detected")
                .register(meters);
        contained = Counter.builder("tiergate.campaign.accounts.contained")
                .description("accounts contained (or raised to a stricter containment level)")
                .register(meters);
    }

    void detected() {
        detected.increment();
    }

    void contained(int accounts) {
        contained.increment(accounts);
    }
}
