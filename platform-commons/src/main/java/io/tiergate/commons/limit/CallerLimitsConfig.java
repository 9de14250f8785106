package io.tiergate.commons.limit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/** Per-caller limits on expensive reads ({@link CallerLimited}). */
@ConfigMapping(prefix = "tiergate.limits")
public interface CallerLimitsConfig {

    /** Off only for benchmarks that measure the reads themselves. */
    @WithDefault("true")
    boolean enabled();

    /** Calls per caller and minute, by limit name, overriding the annotation's default. */
    Map<String, Integer> perMinute();
}
