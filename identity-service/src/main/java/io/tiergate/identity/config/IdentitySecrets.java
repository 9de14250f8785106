package io.tiergate.identity.config;

import io.quarkus.runtime.StartupEvent;
import io.tiergate.commons.config.RequiredSecret;
import io.tiergate.commons.config.RequiredSecrets;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/** In production identity-service starts only with its own PII and fingerprint keys; dev and test keep theirs. */
@ApplicationScoped
public class IdentitySecrets {

    static final List<RequiredSecret> SECRETS = List.of(
            new RequiredSecret("tiergate.identity.pii-key", "TIERGATE_IDENTITY_PII_KEY", "32 random bytes, base64"),
            new RequiredSecret(
                    "tiergate.identity.fingerprint-key",
                    "TIERGATE_IDENTITY_FINGERPRINT_KEY",
                    "32 random bytes, base64"));

    // First of the startup observers: before consumers connect or schedulers run.
    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent started) {
        RequiredSecrets.require("identity-service", ConfigProvider.getConfig(), SECRETS);
        // a malformed key, key id or retired key stops the start here, not at the first read of a name
        io.tiergate.identity.pii.PiiCipher.configured();
    }
}
