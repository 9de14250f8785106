package io.tiergate.identity.config;

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
class IdentitySecretsTest {

    static Config profile(String profile) throws Exception {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withProfile(profile)
                .withSources(new PropertiesConfigSource(
                        IdentitySecretsTest.class.getResource("/application.properties"), 250))
                .build();
    }

    @Test
    void productionRefusesToStartWithoutItsKeysNamingEachVariable() throws Exception {
        Config production = profile("prod");
        var refusal = assertThrows(
                IllegalStateException.class,
                () -> RequiredSecrets.require("identity-service", production, IdentitySecrets.SECRETS));
        for (RequiredSecret secret : IdentitySecrets.SECRETS) {
            assertTrue(refusal.getMessage().contains(secret.environmentVariable()), refusal.getMessage());
        }
    }

    @Test
    void devAndTestKeepTheirKeys() throws Exception {
        assertDoesNotThrow(() -> RequiredSecrets.require("identity-service", profile("dev"), IdentitySecrets.SECRETS));
        assertDoesNotThrow(() -> RequiredSecrets.require("identity-service", profile("test"), IdentitySecrets.SECRETS));
    }
}
