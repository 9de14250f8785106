package io.tiergate.entitlement.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Authentication of gateways and users, under {@code tiergate.auth}. */
@ConfigMapping(prefix = "tiergate.auth")
public interface AuthConfig {

    TokenCache tokenCache();

    /** Bearer tokens OIDC verified, remembered until they expire ({@link VerifiedTokenCache}). */
    interface TokenCache {
        @WithDefault("true")
        boolean enabled();

        /** The most tokens remembered at once. */
        @WithDefault("10000")
        long size();
    }
}
