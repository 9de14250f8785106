package io.tiergate.console.config;

import io.smallrye.config.ConfigMapping;

/** The console's own settings, under {@code tiergate.console}. */
@ConfigMapping(prefix = "tiergate.console")
public interface ConsoleConfig {

    /** Keycloak's origin: besides the console, the one place its forms may post to (the CSP's form-action). */
    String keycloakOrigin();

    /** The audit log's name in its signed checkpoints: the auditor pins its verifier key in the browser. */
    String auditLogOrigin();
}
