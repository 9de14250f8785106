package io.tiergate.entitlement.events;

import io.smallrye.config.ConfigMapping;

/**
 * The topics this service writes, and reads back, of its own (application.properties, {@code tiergate.topics.*}; the
 * channels that read them take their names from the same keys). Another deployment on the same brokers names its own,
 * so that its events stay out of the platform's trail: the decision benchmark's service does (docs/performance.md).
 */
@ConfigMapping(prefix = "tiergate.topics")
public interface Topics {

    /** The decision log, read by audit-service. */
    String decisions();

    /** Usage deltas and gateways' token reports, shared by every instance. */
    String usage();

    /** Policy and directive changes ({@link EntitlementEvents}). */
    String entitlement();

    /** Campaign containment, written by campaign-service. */
    String campaign();
}
