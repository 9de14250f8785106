package io.tiergate.tier.keycloak;

import io.quarkus.runtime.StartupEvent;
import io.tiergate.commons.config.RequiredSecret;
import io.tiergate.commons.config.RequiredSecrets;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/** In production tier-service starts only with the secret of its own Keycloak client. */
@ApplicationScoped
public class AdminClientSecret {

    static final List<RequiredSecret> SECRETS = List.of(new RequiredSecret(
            "tiergate.tier.keycloak.client-secret",
            "TIERGATE_TIER_KEYCLOAK_CLIENT_SECRET",
            "the tier-service client's secret in the realm"));

    // First of the startup observers: before consumers connect or schedulers run.
    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent started) {
        RequiredSecrets.require("tier-service", ConfigProvider.getConfig(), SECRETS);
    }
}
