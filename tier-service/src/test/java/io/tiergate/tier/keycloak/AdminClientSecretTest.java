package io.tiergate.tier.keycloak;

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
class AdminClientSecretTest {

    static Config profile(String profile) throws Exception {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withProfile(profile)
                .withSources(new PropertiesConfigSource(
                        AdminClientSecretTest.class.getResource("/application.properties"), 250))
                .build();
    }

    @Test
    void productionRefusesToStartWithoutItsKeysNamingEachVariable() throws Exception {
        Config production = profile("prod");
        var refusal = assertThrows(
                IllegalStateException.class,
                () -> RequiredSecrets.require("tier-service", production, AdminClientSecret.SECRETS));
        for (RequiredSecret secret : AdminClientSecret.SECRETS) {
            assertTrue(refusal.getMessage().contains(secret.environmentVariable()), refusal.getMessage());
        }
    }

    @Test
    void devAndTestKeepTheirKeys() throws Exception {
        assertDoesNotThrow(() -> RequiredSecrets.require("tier-service", profile("dev"), AdminClientSecret.SECRETS));
        assertDoesNotThrow(() -> RequiredSecrets.require("tier-service", profile("test"), AdminClientSecret.SECRETS));
    }
}
