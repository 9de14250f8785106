package io.tiergate.campaign.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiergate.campaign.config.CampaignConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Containment levels as policy data (containment-policy.json): the level a campaign's score calls for. */
@ApplicationScoped
public class ContainmentPolicy {

    record Level(ContainmentLevel level, double minScore) {}

    @Inject
    CampaignConfig config;

    @Inject
    ObjectMapper json;

    private List<Level> levels;

    @PostConstruct
    void load() {
        String source = config.containmentPolicy();
        try (InputStream in = Files.exists(Path.of(source))
                ? Files.newInputStream(Path.of(source))
                : Thread.currentThread().getContextClassLoader().getResourceAsStream(source)) {
            if (in == null) {
                throw new IllegalStateException("containment policy " + source + " not found");
            }
            levels = parse(json.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("containment policy " + source + " is unreadable", e);
        }
    }

    static List<Level> parse(JsonNode policy) {
        List<Level> parsed = new ArrayList<>();
        for (JsonNode level : policy.path("levels")) {
            double min = level.path("minScore").asDouble(Double.NaN);
            if (!(min >= 0 && min <= 1)) {
                throw new IllegalStateException("containment level minScore must lie in 0..1");
            }
            parsed.add(new Level(ContainmentLevel.valueOf(level.path("level").asText()), min));
        }
        parsed.sort(Comparator.comparingDouble(Level::minScore).reversed());
        return List.copyOf(parsed);
    }

    /** The level for a campaign of this score, or null below the containment threshold. */
    public ContainmentLevel levelFor(double score) {
        return levelFor(levels, score);
    }

    static ContainmentLevel levelFor(List<Level> levels, double score) {
        for (Level l : levels) {
            if (score >= l.minScore()) {
                return l.level();
            }
        }
        return null;
    }
}
