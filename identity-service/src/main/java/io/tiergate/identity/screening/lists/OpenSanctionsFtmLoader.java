package io.tiergate.identity.screening.lists;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OpenSanctions exports in FollowTheMoney JSON lines, one entity per line: {@code {"id", "schema", "properties":
 * {"name": [...], ...}}}. Parties become entries: Person; Organization, Company, LegalEntity, PublicBody; Vessel;
 * Airplane. From their properties: {@code name} (the first is the name, the rest aliases), {@code alias} and
 * {@code previousName}; {@code birthDate}; {@code nationality} and {@code citizenship} (lower-case ISO codes);
 * {@code passportNumber}, {@code idNumber}, {@code registrationNumber}, {@code taxNumber}, {@code innCode},
 * {@code ogrnCode}, {@code leiCode} and {@code imoNumber}; {@code programId} and {@code program}; for non-persons
 * also {@code country}, {@code jurisdiction} and a vessel's {@code flag}. {@code topics} are not read.
 * <p>
 * Two other kinds of line add to the parties they point at, in either order: a Sanction ({@code entity} → its
 * {@code programId}, else {@code program}) and an Identification or Passport ({@code holder} → its
 * {@code number}). Such entities nested in a party's properties ({@code targets.nested.json}) count the same.
 * Everything else (addresses, ownerships, family links) is skipped, and so is an entity marked
 * {@code "target": false}: in OpenSanctions that is a relative or an associate, not a listed party.
 */
public final class OpenSanctionsFtmLoader implements ListLoader {

    private static final String EXPECTED = "OpenSanctions FollowTheMoney JSON lines: one JSON object per line with"
            + " \"id\", \"schema\" and \"properties\"";

    private static final Map<String, EntryKind> PARTIES = Map.of(
            "Person", EntryKind.PERSON,
            "Organization", EntryKind.ORGANIZATION,
            "Company", EntryKind.ORGANIZATION,
            "LegalEntity", EntryKind.ORGANIZATION,
            "PublicBody", EntryKind.ORGANIZATION,
            "Vessel", EntryKind.VESSEL,
            "Airplane", EntryKind.AIRCRAFT);
    private static final List<String> IDENTIFIERS = List.of(
            "passportNumber",
            "idNumber",
            "registrationNumber",
            "taxNumber",
            "innCode",
            "ogrnCode",
            "leiCode",
            "imoNumber");
    private static final Set<String> DOCUMENTS = Set.of("Identification", "Passport");

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public List<ListEntry> load(InputStream in, String listId) throws IOException {
        Map<String, EntryBuilder> parties = new LinkedHashMap<>();
        Map<String, List<String>> programs = new HashMap<>();
        Map<String, List<String>> documents = new HashMap<>();
        BufferedReader reader = CsvInput.utf8(in);
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode entity = parse(line, number);
            String schema = entity.path("schema").asText();
            JsonNode properties = entity.path("properties");
            if (PARTIES.containsKey(schema)) {
                if (entity.path("target").asBoolean(true)) {
                    parties.put(entity.path("id").asText(), party(entity, schema, properties, listId));
                }
            } else {
                link(schema, properties, programs, documents);
            }
        }
        List<ListEntry> entries = new ArrayList<>(parties.size());
        parties.forEach((id, entry) -> {
            programs.getOrDefault(id, List.of()).forEach(entry::program);
            documents.getOrDefault(id, List.of()).forEach(entry::identifier);
            entry.build().ifPresent(entries::add);
        });
        return entries;
    }

    private JsonNode parse(String line, int number) throws IOException {
        JsonNode entity;
        try {
            entity = json.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IOException(
                    "line " + number + " is not JSON; expected " + EXPECTED + ": " + e.getOriginalMessage(), e);
        }
        if (!isEntity(entity)) {
            throw new IOException("line " + number + " is not a FollowTheMoney entity; expected " + EXPECTED);
        }
        return entity;
    }

    private static boolean isEntity(JsonNode node) {
        return node != null
                && node.isObject()
                && node.path("id").isTextual()
                && node.path("schema").isTextual()
                && node.path("properties").isObject();
    }

    private static EntryBuilder party(JsonNode entity, String schema, JsonNode properties, String listId) {
        EntryKind kind = PARTIES.get(schema);
        EntryBuilder entry =
                new EntryBuilder(listId).entryId(entity.path("id").asText()).kind(kind);
        texts(properties, "name").forEach(entry::name);
        if (!entry.hasName()) {
            entry.name(EntryBuilder.joinName(
                    first(properties, "firstName"), first(properties, "middleName"), first(properties, "lastName")));
        }
        texts(properties, "alias").forEach(entry::alias);
        texts(properties, "previousName").forEach(entry::alias);
        texts(properties, "birthDate").forEach(date -> entry.dateOfBirth(ListDates.iso(date)));
        texts(properties, "nationality").forEach(entry::nationality);
        texts(properties, "citizenship").forEach(entry::nationality);
        if (kind != EntryKind.PERSON) {
            texts(properties, "country").forEach(entry::nationality);
            texts(properties, "jurisdiction").forEach(entry::nationality);
            texts(properties, "flag").forEach(entry::nationality);
        }
        IDENTIFIERS.forEach(property -> texts(properties, property).forEach(entry::identifier));
        texts(properties, "programId").forEach(entry::program);
        texts(properties, "program").forEach(entry::program);
        // targets.nested.json: sanctions and documents inline, where they belong to this entity
        properties.forEach(values -> values.forEach(value -> {
            if (isEntity(value)) {
                nested(value.path("schema").asText(), value.path("properties"), entry);
            }
        }));
        return entry;
    }

    private static void nested(String schema, JsonNode properties, EntryBuilder entry) {
        if (schema.equals("Sanction")) {
            sanctionPrograms(properties).forEach(entry::program);
        } else if (DOCUMENTS.contains(schema)) {
            texts(properties, "number").forEach(entry::identifier);
        }
    }

    /** Records what a Sanction, Identification or Passport says about the party it points at. */
    private static void link(
            String schema,
            JsonNode properties,
            Map<String, List<String>> programs,
            Map<String, List<String>> documents) {
        if (schema.equals("Sanction")) {
            for (String target : references(properties, "entity")) {
                programs.computeIfAbsent(target, id -> new ArrayList<>()).addAll(sanctionPrograms(properties));
            }
        } else if (DOCUMENTS.contains(schema)) {
            for (String holder : references(properties, "holder")) {
                documents.computeIfAbsent(holder, id -> new ArrayList<>()).addAll(texts(properties, "number"));
            }
        }
    }

    /** A sanction's programme code ("RUSSIA-EO14024"), or its programme's name when it has no code. */
    private static List<String> sanctionPrograms(JsonNode properties) {
        List<String> ids = texts(properties, "programId");
        return ids.isEmpty() ? texts(properties, "program") : ids;
    }

    /** The string values of a property; FollowTheMoney properties are always arrays. */
    private static List<String> texts(JsonNode properties, String property) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : properties.path(property)) {
            if (value.isTextual()) {
                values.add(value.asText());
            }
        }
        return values;
    }

    /** Entity references: ids as strings, or (nested exports) entities whose id is taken. */
    private static List<String> references(JsonNode properties, String property) {
        List<String> ids = new ArrayList<>();
        for (JsonNode value : properties.path(property)) {
            if (value.isTextual()) {
                ids.add(value.asText());
            } else if (value.path("id").isTextual()) {
                ids.add(value.path("id").asText());
            }
        }
        return ids;
    }

    private static String first(JsonNode properties, String property) {
        List<String> values = texts(properties, property);
        return values.isEmpty() ? null : values.get(0);
    }
}
