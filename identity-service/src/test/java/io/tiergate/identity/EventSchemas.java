package io.tiergate.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.tiergate.identity.organization.OrganizationEvents;
import io.tiergate.identity.verification.IdentityEvents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Checks produced events against the JSON Schemas published in docs/events/ (the contract consumers read). */
public final class EventSchemas {

    private static final Path DOCS = Path.of("..", "docs", "events");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    public static final String ENVELOPE = "cloudevent.schema.json";
    public static final String VERIFICATION_DECIDED = "identity/verification-decided.schema.json";
    public static final String CASE_CHANGED = "identity/case-changed.schema.json";
    public static final String SCREENING_HIT = "identity/screening-hit.schema.json";
    public static final String ORGANIZATION_DECIDED = "identity/organization-decided.schema.json";
    public static final String MEMBERSHIP_CHANGED = "identity/membership-changed.schema.json";
    public static final String CLUSTER_LINKED = "identity/cluster-linked.schema.json";
    /** Every type identity-service publishes, and the schema of its data. */
    public static final Map<String, String> DATA_SCHEMAS = Map.ofEntries(
            Map.entry(IdentityEvents.SUBMITTED, CASE_CHANGED),
            Map.entry(IdentityEvents.REVIEWED, CASE_CHANGED),
            Map.entry(IdentityEvents.VERIFIED, VERIFICATION_DECIDED),
            Map.entry(IdentityEvents.REJECTED, VERIFICATION_DECIDED),
            Map.entry(IdentityEvents.REVIEW_REQUIRED, VERIFICATION_DECIDED),
            Map.entry(IdentityEvents.EXPIRED, VERIFICATION_DECIDED),
            Map.entry(IdentityEvents.REVOKED, VERIFICATION_DECIDED),
            Map.entry(IdentityEvents.SCREENING_HIT, SCREENING_HIT),
            Map.entry(IdentityEvents.CLUSTER_LINKED, CLUSTER_LINKED),
            Map.entry(OrganizationEvents.VERIFIED, ORGANIZATION_DECIDED),
            Map.entry(OrganizationEvents.REJECTED, ORGANIZATION_DECIDED),
            Map.entry(OrganizationEvents.REVIEW_REQUIRED, ORGANIZATION_DECIDED),
            Map.entry(OrganizationEvents.MEMBERSHIP_CHANGED, MEMBERSHIP_CHANGED));

    private EventSchemas() {
    }

    /** Asserts the event's envelope and data match their schemas; returns the parsed event. */
    public static JsonNode assertValid(String eventJson) {
        JsonNode event = parse(eventJson);
        assertNoErrors(errors(ENVELOPE, event), "envelope of " + eventJson);
        String dataSchema = DATA_SCHEMAS.get(event.path("type").asText());
        assertNotNull(dataSchema, "a schema documents " + event.path("type").asText());
        assertNoErrors(errors(dataSchema, event.get("data")), "data of " + eventJson);
        return event;
    }

    /** The schema's complaints about a document; empty when it is valid. */
    public static List<String> errors(String schemaName, JsonNode document) {
        return schema(schemaName).validate(document).stream().map(Error::toString).toList();
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
        try (InputStream in = Files.newInputStream(DOCS.resolve(name))) {
            return REGISTRY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
