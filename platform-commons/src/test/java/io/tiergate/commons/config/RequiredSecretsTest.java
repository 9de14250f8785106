package io.tiergate.commons.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequiredSecretsTest {

    static final RequiredSecret PII_KEY =
            new RequiredSecret("tiergate.identity.pii-key", "TIERGATE_IDENTITY_PII_KEY", "32 random bytes, base64");
    static final RequiredSecret CLIENT_SECRET = new RequiredSecret(
            "quarkus.keycloak.admin-client.client-secret",
            "QUARKUS_KEYCLOAK_ADMIN_CLIENT_CLIENT_SECRET",
            "the tier-service client's secret in Keycloak");

    static SmallRyeConfig config(String profile, Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withProfile(profile)
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .build();
    }

    @Test
    void anUnsetVariableStopsTheServiceNamingIt() {
        SmallRyeConfig production = config(
                "prod",
                Map.of(
                        "tiergate.identity.pii-key", "${TIERGATE_TEST_UNSET_PII_KEY}",
                        "%dev.tiergate.identity.pii-key", "ZGV2",
                        "quarkus.keycloak.admin-client.client-secret", " "));
        var refusal = assertThrows(
                IllegalStateException.class,
                () -> RequiredSecrets.require("identity-service", production, List.of(PII_KEY, CLIENT_SECRET)));
        assertEquals(
                "identity-service cannot start without its own keys: set TIERGATE_IDENTITY_PII_KEY "
                        + "(32 random bytes, base64), QUARKUS_KEYCLOAK_ADMIN_CLIENT_CLIENT_SECRET (the tier-service client's "
                        + "secret in Keycloak)",
                refusal.getMessage());
    }

    @Test
    void theDevProfileKeepsItsKeys() {
        SmallRyeConfig dev = config(
                "dev",
                Map.of(
                        "tiergate.identity.pii-key", "${TIERGATE_TEST_UNSET_PII_KEY}",
                        "%dev.tiergate.identity.pii-key", "ZGV2"));
        assertDoesNotThrow(() -> RequiredSecrets.require("identity-service", dev, List.of(PII_KEY)));
    }
}
