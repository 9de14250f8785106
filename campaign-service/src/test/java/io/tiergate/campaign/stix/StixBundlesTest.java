package io.tiergate.campaign.stix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.tiergate.campaign.campaign.CampaignStatus;
import io.tiergate.campaign.campaign.CampaignView;
import io.tiergate.campaign.campaign.ContainmentLevel;
import io.tiergate.campaign.config.CampaignConfig;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Bundles checked against the OASIS STIX 2.1 JSON Schemas, vendored under {@code src/test/resources/stix/} from
 * oasis-open/cti-stix2-json-schemas (commit 3bf9e69d, with its LICENSE). The schemas' {@code $id}s live under
 * {@link #STIX_SCHEMA_IDS}; that prefix is mapped to the classpath copy, so their relative {@code $ref}s resolve
 * locally and nothing is fetched.
 */
class StixBundlesTest {

    static final String STIX_SCHEMA_IDS =
            "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";
    static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaIdResolvers(r -> r.mapPrefix(STIX_SCHEMA_IDS, "classpath:stix/")));
    static final Map<String, Schema> LOADED = new HashMap<>();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String KEY = "test-pseudonym-key";
    static final String IDENTITY_CLUSTER = "5b0e6c1d-2f3a-4b5c-8d9e-0a1b2c3d4e5f";

    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 2, 10, 15, 0, 123_000_000, ZoneOffset.UTC);
    static final UUID CAMPAIGN = UUID.fromString("6f1c2a9e-4b7d-4c3e-9a51-0d2e8f7b3c11");
    static final UUID OTHER_CAMPAIGN = UUID.fromString("0b8e3d42-91f6-4a27-8c5d-7e1a2f9c6b04");
    static final List<String> ACCOUNTS = List.of("acct-7f3e91", "acct-0c44d2", "acct-b81a55");
    static final List<String> FAMILIES = List.of("1a2b3", "2f00d", "30bad", "1a2b3");
    static final String EVIDENCE = """
            {"prefixes":["203.0.113.0/24","2001:db8:abcd::/48","203.0.113.0/24"],
             "asns":["64500","64511"],
             "userAgents":["mythos-python/1.42.0","curl/8.4.0 'scripted'"]}""";

    @Test
    void everyObjectAndTheBundleAreValidStix21() {
        ObjectNode bundle = bundles(KEY).bundle(view(CAMPAIGN, ACCOUNTS, T0));
        assertValid("common/bundle.json", bundle);
        assertTrue(bundle.path("objects").size() > 0);
        for (JsonNode o : bundle.path("objects")) {
            assertValid(schemaOf(o.path("type").asText()), o);
        }
    }

    @Test
    void theSchemasReallyReject() {
        ObjectNode indicator =
                (ObjectNode) objectsOfType(bundles(KEY).bundle(view(CAMPAIGN, ACCOUNTS, T0)), "indicator")
                        .get(0)
                        .deepCopy();
        indicator.remove("valid_from");
        assertFalse(schema("sdos/indicator.json").validate(indicator).isEmpty(), "an indicator needs valid_from");
        ObjectNode campaign = (ObjectNode) objectsOfType(bundles(KEY).bundle(view(CAMPAIGN, ACCOUNTS, T0)), "campaign")
                .get(0)
                .deepCopy();
        campaign.put("created", "2026-11-02T10:15:00Z");
        assertFalse(schema("sdos/campaign.json").validate(campaign).isEmpty(), "created is precise to milliseconds");
    }

    @Test
    void oneCampaignAndOneIndicatorPerDistinctSignalEachIndicatingTheCampaign() {
        ObjectNode bundle = bundles(KEY).bundle(view(CAMPAIGN, ACCOUNTS, T0));
        List<JsonNode> campaigns = objectsOfType(bundle, "campaign");
        assertEquals(1, campaigns.size());
        String campaignId = campaigns.get(0).path("id").asText();
        assertEquals("campaign--" + CAMPAIGN, campaignId);

        List<String> patterns = objectsOfType(bundle, "indicator").stream()
                .map(i -> i.path("pattern").asText())
                .toList();
        // 2 distinct prefixes, 2 AS numbers, 2 user agents, 3 distinct families
        assertEquals(9, patterns.size(), patterns::toString);
        assertEquals(9, new HashSet<>(patterns).size(), patterns::toString);
        assertEquals(1, count(patterns, "[ipv4-addr:value ISSUBSET '203.0.113.0/24']"));
        assertEquals(1, count(patterns, "[ipv6-addr:value ISSUBSET '2001:db8:abcd::/48']"));
        assertEquals(1, count(patterns, "[autonomous-system:number = 64500]"));
        assertEquals(1, count(patterns, "[autonomous-system:number = 64511]"));
        assertEquals(
                1,
                patterns.stream()
                        .filter(p -> p.contains("'mythos-python/1.42.0'"))
                        .count());
        assertEquals(
                1,
                patterns.stream()
                        .filter(p -> p.contains("'curl/8.4.0 \\'scripted\\''"))
                        .count(),
                patterns::toString);
        for (String band : List.of("band1:a2b3", "band2:f00d", "band3:0bad")) {
            assertEquals(
                    1,
                    patterns.stream().filter(p -> p.contains("'" + band + "'")).count(),
                    band);
        }

        for (JsonNode indicator : objectsOfType(bundle, "indicator")) {
            String id = indicator.path("id").asText();
            long indicates = objectsOfType(bundle, "relationship").stream()
                    .filter(r -> r.path("relationship_type").asText().equals("indicates"))
                    .filter(r -> r.path("source_ref").asText().equals(id))
                    .filter(r -> r.path("target_ref").asText().equals(campaignId))
                    .count();
            assertEquals(1, indicates, "indicates relationship of " + id);
        }
    }

    @Test
    void everyPatternComparesAPropertyOfAnObservableTypeItNames() {
        // the schemas leave pattern as a string; check each is one comparison on a property the SCO's schema declares
        Pattern comparison =
                Pattern.compile("^\\[([a-z0-9-]+):([a-z0-9_]+)\\S* (=|ISSUBSET) ('(?:[^'\\\\]|\\\\.)*'|\\d+)]$");
        for (JsonNode indicator : objectsOfType(bundles(KEY).bundle(view(CAMPAIGN, ACCOUNTS, T0)), "indicator")) {
            assertEquals("stix", indicator.path("pattern_type").asText());
            String pattern = indicator.path("pattern").asText();
            Matcher m = comparison.matcher(pattern);
            assertTrue(m.matches(), pattern);
            String type = m.group(1);
            if (type.startsWith("x-")) {
                continue; // a custom observable type, named as STIX 2.1 custom objects are
            }
            JsonNode declared = schemaJson("observables/" + type + ".json")
                    .path("allOf")
                    .get(1)
                    .path("properties");
            assertTrue(declared.has(m.group(2)), type + " declares " + m.group(2) + ": " + pattern);
        }
    }

    @Test
    void everyReferenceResolvesWithinTheBundle() {
        ObjectNode bundle = bundles(KEY).bundle(view(CAMPAIGN, ACCOUNTS, T0));
        Set<String> ids = new HashSet<>();
        bundle.path("objects").forEach(o -> assertTrue(ids.add(o.path("id").asText()), "unique " + o.path("id")));
        List<String> refs = new ArrayList<>();
        for (JsonNode o : bundle.path("objects")) {
            o.fields().forEachRemaining(f -> {
                if (f.getKey().endsWith("_ref")) {
                    refs.add(f.getValue().asText());
                } else if (f.getKey().endsWith("_refs")) {
                    f.getValue().forEach(r -> refs.add(r.asText()));
                }
            });
        }
        assertFalse(refs.isEmpty());
        refs.forEach(r -> assertTrue(ids.contains(r), "dangling " + r));
        JsonNode observed = objectsOfType(bundle, "observed-data").get(0);
        assertEquals(ACCOUNTS.size(), observed.path("object_refs").size());
        assertEquals(ACCOUNTS.size(), objectsOfType(bundle, "user-account").size());
    }

    @Test
    void accountsArePseudonymisedTheSameWayAcrossBundles() throws Exception {
        StixBundles stix = bundles(KEY);
        ObjectNode first = stix.bundle(view(CAMPAIGN, ACCOUNTS, T0));
        ObjectNode second = stix.bundle(view(OTHER_CAMPAIGN, List.of("acct-0c44d2", "acct-99e0aa"), T0.plusDays(3)));
        String serialised = JSON.writeValueAsString(first) + JSON.writeValueAsString(second);
        for (String account : List.of("acct-7f3e91", "acct-0c44d2", "acct-b81a55", "acct-99e0aa")) {
            assertFalse(serialised.contains(account), account + " appears in the bundle");
            assertFalse(serialised.contains(account.substring("acct-".length())), account + " appears in the bundle");
        }
        // identity-service's cluster ids are our own linkage of people, not an indicator to share
        assertFalse(serialised.contains(IDENTITY_CLUSTER), "the identity cluster appears in the bundle");

        JsonNode inFirst = accountObject(first, hmac(KEY, "acct-0c44d2"));
        JsonNode inSecond = accountObject(second, hmac(KEY, "acct-0c44d2"));
        assertNotNull(inFirst, "acct-0c44d2 as its HMAC-SHA256 pseudonym in the first bundle");
        assertNotNull(inSecond, "acct-0c44d2 as its HMAC-SHA256 pseudonym in the second bundle");
        assertEquals(inFirst, inSecond);
        assertNotEquals(accountObject(first, hmac(KEY, "acct-7f3e91")).path("id"), inFirst.path("id"));

        ObjectNode elsewhere = bundles("another-providers-key").bundle(view(CAMPAIGN, ACCOUNTS, T0));
        assertTrue(objectsOfType(elsewhere, "user-account").stream()
                .noneMatch(a -> a.path("user_id").asText().equals(hmac(KEY, "acct-0c44d2"))));
    }

    @Test
    void idsAreDeterministicForTheSameCampaignExceptTheBundles() {
        ObjectNode first = bundles(KEY).bundle(view(CAMPAIGN, ACCOUNTS, T0));
        ObjectNode second = bundles(KEY).bundle(view(CAMPAIGN, ACCOUNTS, T0));
        assertNotEquals(first.path("id"), second.path("id"));
        assertEquals(ids(first), ids(second));
        assertEquals(first.path("objects"), second.path("objects"));

        ObjectNode other = bundles(KEY).bundle(view(OTHER_CAMPAIGN, ACCOUNTS, T0));
        Set<String> shared = new HashSet<>(ids(first));
        shared.retainAll(ids(other));
        // the producer and the accounts (same pseudonyms) are the same objects; the rest belongs to one campaign
        Set<String> expected = new HashSet<>();
        objectsOfType(first, "identity").forEach(o -> expected.add(o.path("id").asText()));
        objectsOfType(first, "user-account")
                .forEach(o -> expected.add(o.path("id").asText()));
        assertEquals(expected, shared);
    }

    @Test
    void anObjectSharedByTwoBundlesIsTheSameVersionInBoth() {
        // STIX versioning: one id with one modified time is one object, and created never changes
        ObjectNode first = bundles(KEY).bundle(view(CAMPAIGN, ACCOUNTS, T0));
        ObjectNode later = bundles(KEY).bundle(view(OTHER_CAMPAIGN, ACCOUNTS, T0.plusDays(9)));
        Map<String, JsonNode> byId = new HashMap<>();
        first.path("objects").forEach(o -> byId.put(o.path("id").asText(), o));
        for (JsonNode o : later.path("objects")) {
            JsonNode same = byId.get(o.path("id").asText());
            if (same != null) {
                assertEquals(same, o, o.path("id").asText());
            }
        }
    }

    // --- fixtures and helpers

    static StixBundles bundles(String key) {
        StixBundles stix = new StixBundles();
        stix.json = JSON;
        stix.config = new TestConfig(key);
        return stix;
    }

    static CampaignView view(UUID id, List<String> accounts, OffsetDateTime detectedAt) {
        List<CampaignView.Member> members = accounts.stream()
                .map(a -> new CampaignView.Member(
                        a,
                        0.8,
                        detectedAt.minusMinutes(5),
                        detectedAt.minusHours(6),
                        detectedAt.minusMinutes(10),
                        List.of("family", "prefix"),
                        "203.0.113.0/24",
                        "64500",
                        "mythos-python/1.42.0",
                        null,
                        IDENTITY_CLUSTER,
                        ContainmentLevel.THROTTLE))
                .toList();
        try {
            return new CampaignView(
                    id,
                    CampaignStatus.CONTAINED,
                    0.87,
                    JSON.readTree(EVIDENCE),
                    accounts.size(),
                    FAMILIES,
                    detectedAt.minusHours(6),
                    detectedAt.minusMinutes(10),
                    detectedAt,
                    ContainmentLevel.THROTTLE,
                    null,
                    null,
                    null,
                    null,
                    members);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String schemaOf(String type) {
        for (String folder : List.of("sdos", "sros", "observables", "common")) {
            String name = folder + "/" + type + ".json";
            if (StixBundlesTest.class.getClassLoader().getResource("stix/" + name) != null) {
                return name;
            }
        }
        throw new AssertionError("no STIX 2.1 schema for object type " + type);
    }

    static void assertValid(String schemaName, JsonNode document) {
        List<String> errors = schema(schemaName).validate(document).stream()
                .map(Error::toString)
                .toList();
        assertEquals(List.of(), errors, schemaName + ": " + document);
    }

    static Schema schema(String name) {
        return LOADED.computeIfAbsent(name, n -> SCHEMAS.getSchema(SchemaLocation.of(STIX_SCHEMA_IDS + n)));
    }

    static JsonNode schemaJson(String name) {
        try (var in = StixBundlesTest.class.getClassLoader().getResourceAsStream("stix/" + name)) {
            assertNotNull(in, "vendored schema " + name);
            return JSON.readTree(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<JsonNode> objectsOfType(JsonNode bundle, String type) {
        List<JsonNode> found = new ArrayList<>();
        bundle.path("objects").forEach(o -> {
            if (o.path("type").asText().equals(type)) {
                found.add(o);
            }
        });
        return found;
    }

    static List<String> ids(JsonNode bundle) {
        List<String> ids = new ArrayList<>();
        bundle.path("objects").forEach(o -> ids.add(o.path("id").asText()));
        return ids;
    }

    static long count(List<String> patterns, String pattern) {
        return patterns.stream().filter(pattern::equals).count();
    }

    static JsonNode accountObject(JsonNode bundle, String pseudonym) {
        return objectsOfType(bundle, "user-account").stream()
                .filter(a -> a.path("user_id").asText().equals(pseudonym))
                .findFirst()
                .orElse(null);
    }

    static String hmac(String key, String accountId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(accountId.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    record TestConfig(String pseudonymKey) implements CampaignConfig {
        @Override
        public Detector detector() {
            throw new UnsupportedOperationException("bundles need only the pseudonym key");
        }

        @Override
        public int partitions() {
            return 1;
        }

        @Override
        public short replicationFactor() {
            return 1;
        }

        @Override
        public String containmentPolicy() {
            return "containment-policy.json";
        }
    }
}
