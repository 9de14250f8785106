package io.tiergate.tier.requirement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiergate.tier.config.TierConfig;
import io.tiergate.tier.grant.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The versioned requirements per tier, read once from data (a file from config, else the bundled default),
 * so that compliance can change them without a code change. Every grant records the version it was checked against.
 */
@ApplicationScoped
public class TierRequirements {

    static final String BUNDLED = "tiers/tier-requirements.json";

    private final String version;
    private final Map<Tier, TierPolicy> policies;

    @Inject
    public TierRequirements(ObjectMapper json, TierConfig config) {
        this(json, config.requirementsFile());
    }

    /** From the file if one is given (not blank), else the bundled default. */
    public TierRequirements(ObjectMapper json, Optional<String> file) {
        JsonNode root = read(json, file);
        this.version = root.path("version").asText();
        if (version.isBlank()) {
            throw new IllegalStateException("tier requirements carry no version");
        }
        Map<Tier, TierPolicy> byTier = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            JsonNode node = root.path("tiers").path(tier.name());
            if (node.isMissingNode()) {
                throw new IllegalStateException("tier requirements " + version + " do not define " + tier);
            }
            List<Requirement> requires = new ArrayList<>();
            for (JsonNode r : node.path("requires")) {
                List<String> kinds = new ArrayList<>();
                r.path("organizationKinds").forEach(k -> kinds.add(k.asText()));
                requires.add(
                        new Requirement(RequirementKind.valueOf(r.path("kind").asText()), kinds));
            }
            int approvals = node.path("approvals").asInt(1);
            if (approvals < 1) {
                throw new IllegalStateException(tier + " needs at least one approval");
            }
            byTier.put(
                    tier,
                    new TierPolicy(
                            approvals,
                            Duration.parse(node.path("defaultValidity").asText("P365D")),
                            requires));
        }
        this.policies = Map.copyOf(byTier);
    }

    private static JsonNode read(ObjectMapper json, Optional<String> file) {
        try {
            if (file.isPresent() && !file.get().isBlank()) {
                return json.readTree(Files.readString(Path.of(file.get())));
            }
            try (InputStream in = TierRequirements.class.getClassLoader().getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IllegalStateException(BUNDLED + " is missing from the classpath");
                }
                return json.readTree(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tier requirements", e);
        }
    }

    public String version() {
        return version;
    }

    public TierPolicy policy(Tier tier) {
        return policies.get(tier);
    }
}
