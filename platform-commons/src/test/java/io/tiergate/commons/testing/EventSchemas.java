package io.tiergate.commons.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks events against the JSON Schemas published in docs/events/, the contract consumers read: producers check
 * what they emit, consumers check their fixtures against the producer's schema. One checker for every module; a
 * module using it declares {@code com.networknt:json-schema-validator} as a test dependency.
 */
public final class EventSchemas {

    private static final Path DOCS = Path.of(System.getProperty("tiergate.root", ".."), "docs", "events");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

    public static final String ENVELOPE = "cloudevent.schema.json";

    public static final String VERIFICATION_DECIDED = "identity/verification-decided.schema.json";
    public static final String CASE_CHANGED = "identity/case-changed.schema.json";
    public static final String SCREENING_HIT = "identity/screening-hit.schema.json";
    public static final String ORGANIZATION_DECIDED = "identity/organization-decided.schema.json";
    public static final String MEMBERSHIP_CHANGED = "identity/membership-changed.schema.json";
    public static final String CLUSTER_LINKED = "identity/cluster-linked.schema.json";

    public static final String GRANT_CHANGED = "tier/grant-changed.schema.json";
    public static final String REQUEST_CHANGED = "tier/request-changed.schema.json";
    public static final String EFFECTIVE_CHANGED = "tier/effective-changed.schema.json";

    public static final String DECISION_DENIED = "entitlement/decision-denied.schema.json";
    public static final String DECISION_ALLOWED_AGGREGATE = "entitlement/decision-allowed-aggregate.schema.json";
    public static final String USAGE_RECORDED = "entitlement/usage-recorded.schema.json";
    public static final String USAGE_REPORTED = "entitlement/usage-reported.schema.json";
    public static final String DIRECTIVE_CHANGED = "entitlement/directive-changed.schema.json";
    public static final String POLICY_DRAFTED = "entitlement/policy-drafted.schema.json";
    public static final String POLICY_PUBLISHED = "entitlement/policy-published.schema.json";
    public static final String POLICY_PUBLICATION_REQUESTED = "entitlement/policy-publication-requested.schema.json";

    public static final String ACCOUNT_CONTAINED = "campaign/account-contained.schema.json";
    public static final String ACCOUNT_RELEASED = "campaign/account-released.schema.json";
    public static final String ACCOUNT_CONFIRMED = "campaign/account-confirmed.schema.json";
    public static final String CAMPAIGN_DETECTED = "campaign/campaign-detected.schema.json";
    public static final String CAMPAIGN_DECIDED = "campaign/campaign-decided.schema.json";

    /**
     * Every event type the platform publishes, and the schema of its data. Written out here rather than read from the
     * producers' constants, which this module cannot see; each producer's tests check that its types are all here.
     */
    public static final Map<String, String> DATA_SCHEMAS = Map.ofEntries(
            Map.entry("tiergate.identity.verification.submitted", CASE_CHANGED),
            Map.entry("tiergate.identity.verification.reviewed", CASE_CHANGED),
            Map.entry("tiergate.identity.verification.verified", VERIFICATION_DECIDED),
            Map.entry("tiergate.identity.verification.rejected", VERIFICATION_DECIDED),
            Map.entry("tiergate.identity.verification.review-required", VERIFICATION_DECIDED),
            Map.entry("tiergate.identity.verification.expired", VERIFICATION_DECIDED),
            Map.entry("tiergate.identity.verification.revoked", VERIFICATION_DECIDED),
            Map.entry("tiergate.identity.screening.hit", SCREENING_HIT),
            Map.entry("tiergate.identity.cluster.linked", CLUSTER_LINKED),
            Map.entry("tiergate.identity.organization.verified", ORGANIZATION_DECIDED),
            Map.entry("tiergate.identity.organization.rejected", ORGANIZATION_DECIDED),
            Map.entry("tiergate.identity.organization.review-required", ORGANIZATION_DECIDED),
            Map.entry("tiergate.identity.organization.membership.changed", MEMBERSHIP_CHANGED),
            Map.entry("tiergate.tier.granted", GRANT_CHANGED),
            Map.entry("tiergate.tier.suspended", GRANT_CHANGED),
            Map.entry("tiergate.tier.reinstated", GRANT_CHANGED),
            Map.entry("tiergate.tier.revoked", GRANT_CHANGED),
            Map.entry("tiergate.tier.expired", GRANT_CHANGED),
            Map.entry("tiergate.tier.renewed", GRANT_CHANGED),
            Map.entry("tiergate.tier.requested", REQUEST_CHANGED),
            Map.entry("tiergate.tier.approved", REQUEST_CHANGED),
            Map.entry("tiergate.tier.denied", REQUEST_CHANGED),
            Map.entry("tiergate.tier.effective.changed", EFFECTIVE_CHANGED),
            Map.entry("tiergate.decision.denied", DECISION_DENIED),
            Map.entry("tiergate.decision.allowed.aggregate", DECISION_ALLOWED_AGGREGATE),
            Map.entry("tiergate.usage.recorded", USAGE_RECORDED),
            Map.entry("tiergate.usage.reported", USAGE_REPORTED),
            Map.entry("tiergate.entitlement.directive.issued", DIRECTIVE_CHANGED),
            Map.entry("tiergate.entitlement.directive.confirmed", DIRECTIVE_CHANGED),
            Map.entry("tiergate.entitlement.directive.revoked", DIRECTIVE_CHANGED),
            Map.entry("tiergate.entitlement.policy.drafted", POLICY_DRAFTED),
            Map.entry("tiergate.entitlement.policy.published", POLICY_PUBLISHED),
            Map.entry("tiergate.entitlement.policy.publication-requested", POLICY_PUBLICATION_REQUESTED),
            Map.entry("tiergate.campaign.account.contained", ACCOUNT_CONTAINED),
            Map.entry("tiergate.campaign.account.released", ACCOUNT_RELEASED),
            Map.entry("tiergate.campaign.account.confirmed", ACCOUNT_CONFIRMED),
            Map.entry("tiergate.campaign.detected", CAMPAIGN_DETECTED),
            Map.entry("tiergate.campaign.confirmed", CAMPAIGN_DECIDED),
            Map.entry("tiergate.campaign.dismissed", CAMPAIGN_DECIDED));

    private EventSchemas() {}

    /** Asserts the event's envelope and data match their schemas; returns the parsed event. */
    public static JsonNode assertValid(String eventJson) {
        JsonNode event = parse(eventJson);
        assertNoErrors(errors(ENVELOPE, event), "envelope of " + eventJson);
        assertValidData(event.path("type").asText(), event.get("data"));
        return event;
    }

    /** Asserts {@code data} is valid data of an event of {@code type} (a consumer's fixture, a producer's record). */
    public static void assertValidData(String type, JsonNode data) {
        assertNoErrors(errors(dataSchemaOf(type), data), "data of " + type + ": " + data);
    }

    /** As {@link #assertValidData(String, JsonNode)}, for data given as JSON text; returns it, to be published. */
    public static String assertValidData(String type, String dataJson) {
        assertValidData(type, parse(dataJson));
        return dataJson;
    }

    /** The schema of the data of {@code type}; fails when no schema documents the type. */
    public static String dataSchemaOf(String type) {
        String schema = DATA_SCHEMAS.get(type);
        assertNotNull(schema, "a schema in docs/events/ documents " + type);
        return schema;
    }

    /** The schema's complaints about a document; empty when it is valid. */
    public static List<String> errors(String schemaName, JsonNode document) {
        return schema(schemaName).validate(document).stream()
                .map(Error::toString)
                .toList();
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertNoErrors(List<String> errors, String what) {
        assertEquals(List.of(), errors, what);
    }

    private static Schema schema(String name) {
        return LOADED.computeIfAbsent(name, n -> {
            try (InputStream in = Files.newInputStream(DOCS.resolve(n))) {
                return REGISTRY.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException("no schema " + DOCS.resolve(n), e);
            }
        });
    }
}
