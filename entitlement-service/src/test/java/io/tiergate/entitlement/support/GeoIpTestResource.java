package io.tiergate.entitlement.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Makes the test country database before the service starts, and points the service at it. */
public class GeoIpTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            Path file = Files.createTempDirectory("tiergate-geoip").resolve("country.mmdb");
            TestCountryDatabase.write(file, TestCountryDatabase.NETWORKS);
            return Map.of("tiergate.geoip.country-database", file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {}
}
