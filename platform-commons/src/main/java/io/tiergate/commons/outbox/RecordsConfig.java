package io.tiergate.commons.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Events published straight to Kafka ({@link DirectEventPublisher}), under {@code tiergate.records}. */
@ConfigMapping(prefix = "tiergate.records")
public interface RecordsConfig {

    /** Another broker for these records only (tests point it at a closed port); unset, the service's own. */
    Optional<String> bootstrapServers();

    /** Lets the producer gather a batch; records are off the request path, so a few milliseconds cost nothing. */
    @WithDefault("PT0.005S")
    Duration linger();
}
