package io.tiergate.tier.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** tier-service's own settings, under {@code tiergate.tier}. */
@ConfigMapping(prefix = "tiergate.tier")
public interface TierConfig {

    /** Requirements per tier as versioned data (a file path); unset, the bundled tiers/tier-requirements.json. */
    Optional<String> requirementsFile();

    /** Whether a person is granted PUBLIC once their identity is verified. */
    @WithDefault("true")
    boolean autoGrantPublic();

    /** How often grants past their end are expired (a Quarkus scheduler period; {@code GrantExpiry}). */
    @WithDefault("1s")
    String expiryInterval();

    Keycloak keycloak();

    KeycloakReflection keycloakReflection();

    interface Keycloak {
        /**
         * The tier-service client's secret in the realm. Optional here so that a missing one is reported by
         * {@code AdminClientSecret} at startup, naming its variable.
         */
        Optional<String> clientSecret();
    }

    /** Effective tiers mirrored into Keycloak groups ({@code KeycloakTierReflection}). */
    interface KeycloakReflection {
        @WithDefault("true")
        boolean enabled();
    }
}
