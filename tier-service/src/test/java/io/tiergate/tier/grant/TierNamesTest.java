package io.tiergate.tier.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiergate.commons.tier.TierName;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The tiers are listed once, in platform-commons ({@link TierName}); the copies that cannot derive from it are
 * checked against it here: this service's {@link Tier} enum, its bundled tiers/tier-requirements.json, and the
 * realm's {@code tier-<tier>} groups in deploy/keycloak/tiergate-realm.json (read from the repository root,
 * {@code tiergate.root} or the parent directory).
 */
class TierNamesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REALM = Path.of(System.getProperty("tiergate.root", ".."))
            .toAbsolutePath()
            .normalize()
            .resolve("deploy/keycloak/tiergate-realm.json");

    private static Set<String> platformTiers() {
        return new TreeSet<>(TierName.NAMES);
    }

    @Test
    void theTierEnumIsThePlatformListFromTheBroadestToTheMostRestricted() {
        List<String> broadestFirst = new ArrayList<>(TierName.NAMES);
        Collections.reverse(broadestFirst);

        assertEquals(broadestFirst, Arrays.stream(Tier.values()).map(Tier::name).toList());
    }

    @Test
    void theRequirementsDefineExactlyThePlatformTiers() throws IOException {
        JsonNode requirements;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("tiers/tier-requirements.json")) {
            assertNotNull(in, "tiers/tier-requirements.json is bundled");
            requirements = JSON.readTree(in);
        }
        Set<String> defined = new TreeSet<>();
        requirements.path("tiers").fieldNames().forEachRemaining(defined::add);

        assertEquals(platformTiers(), defined);
    }

    @Test
    void theRealmHasATierGroupForEachPlatformTierAndNoOther() throws IOException {
        JsonNode realm = JSON.readTree(REALM.toFile());
        Set<String> groups = new TreeSet<>();
        for (JsonNode group : realm.path("groups")) {
            String name = group.path("name").asText();
            if (!name.startsWith("tier-")) {
                continue;
            }
            String tier = name.substring("tier-".length()).toUpperCase(Locale.ROOT);
            // the attribute the realm maps into the tier claim names the same tier
            assertEquals(
                    List.of(tier), JSON.convertValue(group.path("attributes").path("tier"), List.class), name);
            groups.add(tier);
        }

        assertEquals(platformTiers(), groups, REALM.toString());
    }
}
