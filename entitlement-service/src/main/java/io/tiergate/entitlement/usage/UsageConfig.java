package io.tiergate.entitlement.usage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Usage budgets' counters, shared between instances through {@code tiergate.usage} ({@link UsageEvents}). */
@ConfigMapping(prefix = "tiergate.usage")
public interface UsageConfig {

    /** How often an instance publishes what it counted since the last batch. */
    @WithDefault("PT0.2S")
    Duration shareEvery();
}
