package io.tiergate.entitlement.baseline;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the decision benchmark needs of the service, under {@code tiergate.bench}. */
@ConfigMapping(prefix = "tiergate.bench")
public interface BenchConfig {

    /** The constant answers of {@link BaselineResource}: off (404) unless a benchmark turns them on. */
    @WithDefault("false")
    boolean baselineEnabled();
}
