package io.tiergate.tier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.tiergate.tier.grant.TierEvents;

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
    private static final Map<String, String> DATA_SCHEMAS = Map.ofEntries(
            Map.entry(TierEvents.GRANTED, "tier/grant-changed.schema.json"),
            Map.entry(TierEvents.SUSPENDED, "tier/grant-changed.schema.json"),
            Map.entry(TierEvents.REINSTATED, "tier/grant-changed.schema.json"),
            Map.entry(TierEvents.REVOKED, "tier/grant-changed.schema.json"),
            Map.entry(TierEvents.EXPIRED, "tier/grant-changed.schema.json"),
            Map.entry(TierEvents.RENEWED, "tier/grant-changed.schema.json"),
            Map.entry(TierEvents.REQUESTED, "tier/request-changed.schema.json"),
            Map.entry(TierEvents.APPROVED, "tier/request-changed.schema.json"),
            Map.entry(TierEvents.DENIED, "tier/request-changed.schema.json"),
            Map.entry(TierEvents.EFFECTIVE_CHANGED, "tier/effective-changed.schema.json"));

    private EventSchemas() {
    }

    /** Asserts the event's envelope and data match their schemas; returns the parsed event. */
    public static JsonNode assertValid(String eventJson) {
        try {
            JsonNode event = JSON.readTree(eventJson);
            assertNoErrors(schema("cloudevent.schema.json").validate(event), "envelope of " + eventJson);
            String dataSchema = DATA_SCHEMAS.get(event.path("type").asText());
            assertNotNull(dataSchema, "a schema documents " + event.path("type").asText());
            assertNoErrors(schema(dataSchema).validate(event.get("data")), "data of " + eventJson);
            return event;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertNoErrors(List<Error> errors, String what) {
        assertEquals(List.of(), errors.stream().map(Error::toString).toList(), what);
    }

    private static Schema schema(String name) throws IOException {
        try (InputStream in = Files.newInputStream(DOCS.resolve(name))) {
            return REGISTRY.getSchema(in);
        }
    }
}
