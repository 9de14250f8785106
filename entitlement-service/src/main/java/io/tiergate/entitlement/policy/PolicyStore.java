package io.tiergate.entitlement.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Holds the published policy. For now it is the seed file; decisions name its version so that every
 * answer can be traced to the policy that produced it.
 */
@Startup
@ApplicationScoped
public class PolicyStore {

    static final String COUNTRIES_OF_CONCERN = "@countries-of-concern";

    @Inject
    PolicyConfig config;

    @Inject
    ObjectMapper objectMapper;

    private volatile CapabilityPolicy published;

    @PostConstruct
    void loadSeed() {
        published = parse(readSeed());
    }

    public CapabilityPolicy current() {
        return published;
    }

    private JsonNode readSeed() {
        Path file = Path.of(config.seed());
        try (InputStream in = Files.isRegularFile(file) ? Files.newInputStream(file)
                : Thread.currentThread().getContextClassLoader().getResourceAsStream(config.seed())) {
            if (in == null) {
                throw new IllegalStateException("seed policy not found: " + config.seed());
            }
            return objectMapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("seed policy unreadable: " + config.seed(), e);
        }
    }

    CapabilityPolicy parse(JsonNode document) {
        Map<String, List<Entitlement>> capabilities = new LinkedHashMap<>();
        document.path("capabilities").fields().forEachRemaining(capability -> {
            List<Entitlement> entitlements = new ArrayList<>();
            capability.getValue().forEach(row -> entitlements.add(new Entitlement(
                    codes(row.path("tiers")),
                    codes(row.path("allowedNationalities")),
                    codes(row.path("deniedNationalities")),
                    codes(row.path("allowedJurisdictions")),
                    codes(row.path("deniedJurisdictions")))));
            capabilities.put(capability.getKey(), List.copyOf(entitlements));
        });
        String version = document.path("version").asText(null);
        if (version == null || capabilities.isEmpty()) {
            throw new IllegalStateException("seed policy needs a version and at least one capability");
        }
        return new CapabilityPolicy(version, capabilities);
    }

    private Set<String> codes(JsonNode values) {
        Set<String> codes = new LinkedHashSet<>();
        values.forEach(value -> {
            if (COUNTRIES_OF_CONCERN.equals(value.asText())) {
                config.countriesOfConcern().forEach(c -> codes.add(c.toUpperCase(Locale.ROOT)));
            } else {
                codes.add(value.asText().toUpperCase(Locale.ROOT));
            }
        });
        return codes;
    }
}
