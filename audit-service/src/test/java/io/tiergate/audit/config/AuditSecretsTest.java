package io.tiergate.audit.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.tiergate.commons.config.RequiredSecret;
import io.tiergate.commons.config.RequiredSecrets;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/** The service's own application.properties: the prod profile carries no key, dev and test carry theirs. */
class AuditSecretsTest {

    static Config profile(String profile) throws Exception {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withProfile(profile)
                .withSources(
                        new PropertiesConfigSource(AuditSecretsTest.class.getResource("/application.properties"), 250))
                .build();
    }

    @Test
    void productionRefusesToStartWithoutItsKeysNamingEachVariable() throws Exception {
        Config production = profile("prod");
        var refusal = assertThrows(
                IllegalStateException.class,
                () -> RequiredSecrets.require("audit-service", production, AuditSecrets.SECRETS));
        for (RequiredSecret secret : AuditSecrets.SECRETS) {
            assertTrue(refusal.getMessage().contains(secret.environmentVariable()), refusal.getMessage());
        }
    }

    @Test
    void devAndTestKeepTheirKeys() throws Exception {
        assertDoesNotThrow(() -> RequiredSecrets.require("audit-service", profile("dev"), AuditSecrets.SECRETS));
        assertDoesNotThrow(() -> RequiredSecrets.require("audit-service", profile("test"), AuditSecrets.SECRETS));
    }
}
