package io.tiergate.audit.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.tiergate.commons.config.RequiredSecret;
import io.tiergate.commons.config.RequiredSecrets;
import java.util.NoSuchElementException;
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

    @Test
    void productionHasNoKeyEncryptionKeyNorRetiredOnesOfTheRepositorys() throws Exception {
        Config production = profile("prod");
        var unset = assertThrows(
                NoSuchElementException.class,
                () -> production.getValue("tiergate.audit.key-encryption-key", String.class));
        assertTrue(unset.getMessage().contains("TIERGATE_AUDIT_KEY_ENCRYPTION_KEY"), unset.getMessage());
        assertTrue(production
                .getOptionalValue("tiergate.audit.retired-key-encryption-keys", String.class)
                .isEmpty());
        // existing deployments need no new setting: the KEK keeps the default id (k1) until a rotation names another
        for (String profile : new String[] {"prod", "dev", "test"}) {
            assertTrue(profile(profile)
                    .getOptionalValue("tiergate.audit.key-encryption-key-id", String.class)
                    .isEmpty());
        }
    }
}
