package io.tiergate.commons.event;

import io.smallrye.config.ConfigMapping;

/** The CloudEvents a service publishes, under {@code tiergate.events}. */
@ConfigMapping(prefix = "tiergate.events")
public interface EventsConfig {

    /** The events' {@code source} attribute (the service's name), also the source its consistency tokens name. */
    String source();
}
