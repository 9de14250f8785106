package io.tiergate.audit.config;

import io.quarkus.runtime.StartupEvent;
import io.tiergate.commons.config.RequiredSecret;
import io.tiergate.commons.config.RequiredSecrets;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/** In production audit-service starts only with its own key-encryption key and checkpoint signing pair. */
@ApplicationScoped
public class AuditSecrets {

    static final List<RequiredSecret> SECRETS = List.of(
            new RequiredSecret(
                    "tiergate.audit.key-encryption-key",
                    "TIERGATE_AUDIT_KEY_ENCRYPTION_KEY",
                    "32 random bytes, base64"),
            new RequiredSecret(
                    "tiergate.audit.signing-key",
                    "TIERGATE_AUDIT_SIGNING_KEY",
                    "Ed25519 private key, PKCS#8 DER in base64"),
            new RequiredSecret(
                    "tiergate.audit.public-key",
                    "TIERGATE_AUDIT_PUBLIC_KEY",
                    "its Ed25519 public key, X.509 DER in base64"));

    // First of the startup observers: before consumers connect or schedulers run.
    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent started) {
        RequiredSecrets.require("audit-service", ConfigProvider.getConfig(), SECRETS);
    }
}
