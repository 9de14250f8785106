package io.tiergate.commons.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The outbox relay ({@link OutboxRelay}): whether it runs, how much it publishes at once, how long rows are kept. */
@ConfigMapping(prefix = "tiergate.outbox")
public interface OutboxConfig {

    @WithDefault("true")
    boolean enabled();

    /** Rows published per transaction. */
    @WithDefault("200")
    int batchSize();

    /** How often the relay looks for rows that a commit's wake-up missed. */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** Published rows are kept this long for investigation, then purged. */
    @WithDefault("P7D")
    Duration retention();
}
