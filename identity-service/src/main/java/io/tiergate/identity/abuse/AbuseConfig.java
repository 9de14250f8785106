package io.tiergate.identity.abuse;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How many submissions (verifications and organizations, counted together) a caller may make per window. */
@ConfigMapping(prefix = "tiergate.abuse")
public interface AbuseConfig {

    /** Per account: the token's {@code sub}. */
    @WithDefault("5")
    int perAccount();

    /** Per client address: many accounts behind one address share this budget. */
    @WithDefault("20")
    int perIp();

    @WithDefault("PT1H")
    Duration window();

    /**
     * Take the client address from the first X-Forwarded-For hop. Only behind a proxy that sets the header
     * itself: otherwise every client picks its own address and the per-address limit means nothing.
     */
    @WithDefault("false")
    boolean trustForwardedFor();
}
