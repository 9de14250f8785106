package io.tiergate.tier.requirement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiergate.tier.grant.Tier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tier requirements as data: the bundled file, a file from config, and what makes a file unusable. */
class TierRequirementsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private TierRequirements fromFile(String json) throws IOException {
        Path file = dir.resolve("tiers.json");
        Files.writeString(file, json);
        return new TierRequirements(JSON, Optional.of(file.toString()));
    }

    private static String allTiers(String version, String research) {
        return "{\"version\":\"" + version + "\",\"tiers\":{"
                + "\"PUBLIC\":{\"requires\":[{\"kind\":\"IDENTITY_VERIFIED\"}]},"
                + "\"ENTERPRISE\":{\"approvals\":1,\"requires\":[]},"
                + "\"RESEARCH\":" + research + ","
                + "\"GOVERNMENT\":{\"approvals\":3,\"defaultValidity\":\"P30D\",\"requires\":[]}}}";
    }

    @Test
    void theBundledRequirementsDefineEveryTierWithFourEyesForTheRestrictedOnes() {
        TierRequirements bundled = new TierRequirements(JSON, Optional.empty());

        assertFalse(bundled.version().isBlank());
        for (Tier tier : Tier.values()) {
            assertTrue(
                    bundled.policy(tier).requires().stream()
                            .anyMatch(r -> r.kind() == RequirementKind.IDENTITY_VERIFIED),
                    tier + " needs a verified identity");
        }
        assertFalse(bundled.policy(Tier.PUBLIC).fourEyes());
        assertTrue(bundled.policy(Tier.RESEARCH).fourEyes());
        assertTrue(bundled.policy(Tier.GOVERNMENT).fourEyes());
    }

    @Test
    void aBlankConfiguredFileMeansTheBundledOne() {
        assertEquals(
                new TierRequirements(JSON, Optional.empty()).version(),
                new TierRequirements(JSON, Optional.of(" ")).version());
    }

    @Test
    void aConfiguredFileReplacesTheBundledRequirements() throws IOException {
        TierRequirements custom = fromFile(allTiers(
                "custom-7",
                "{\"approvals\":2,\"requires\":[{\"kind\":"
                        + "\"ORGANIZATION_MEMBER\",\"organizationKinds\":[\"RESEARCH_INSTITUTION\",\"COMPANY\"]}]}"));

        assertEquals("custom-7", custom.version());
        TierPolicy research = custom.policy(Tier.RESEARCH);
        assertEquals(
                List.of(new Requirement(
                        RequirementKind.ORGANIZATION_MEMBER, List.of("RESEARCH_INSTITUTION", "COMPANY"))),
                research.requires());
        assertEquals(3, custom.policy(Tier.GOVERNMENT).approvals());
        assertEquals(Duration.ofDays(30), custom.policy(Tier.GOVERNMENT).defaultValidity());
        assertEquals(1, custom.policy(Tier.PUBLIC).approvals(), "one approval unless said");
        assertEquals(Duration.ofDays(365), custom.policy(Tier.PUBLIC).defaultValidity(), "a year unless said");
    }

    @Test
    void requirementsWithoutAVersionAreRefused() {
        assertThrows(IllegalStateException.class, () -> fromFile(allTiers("", "{\"requires\":[]}")));
    }

    @Test
    void requirementsMissingATierAreRefused() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> fromFile("{\"version\":\"v\",\"tiers\":{\"PUBLIC\":{\"requires\":[]}}}"));
        assertTrue(e.getMessage().contains("ENTERPRISE"), e.getMessage());
    }

    @Test
    void aTierWithoutApprovalsIsRefused() {
        assertThrows(IllegalStateException.class, () -> fromFile(allTiers("v", "{\"approvals\":0,\"requires\":[]}")));
    }

    @Test
    void anUnknownRequirementKindIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> fromFile(allTiers("v", "{\"requires\":[{\"kind\":\"GOOD_VIBES\"}]}")));
    }

    @Test
    void aMissingFileIsRefused() {
        assertThrows(
                UncheckedIOException.class,
                () -> new TierRequirements(
                        JSON, Optional.of(dir.resolve("absent.json").toString())));
    }
}
