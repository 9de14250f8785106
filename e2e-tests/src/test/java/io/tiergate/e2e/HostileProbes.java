package io.tiergate.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Issue 15, section 3: hostile requests for one operation, generated from what its OpenAPI document says it takes.
 * Each probe changes one thing of an otherwise plausible request (a value built from the schema: enums, formats,
 * minimums and the platform's field names), so that a probe gets past the parts it does not aim at: wrong types,
 * missing, null and unknown fields, 1 MB strings, JSON nested 10,000 deep, numbers out of range, NUL, invalid UTF-8,
 * right-to-left overrides and combining marks, and path and query parameters that are not what they claim.
 */
final class HostileProbes {

    /** One request: what it aims at, the path with its query (encoded), and its body (null: none). */
    record Probe(String kind, String target, String pathAndQuery, String contentType, byte[] body, boolean chunked) {
        Probe(String kind, String target, String pathAndQuery, String contentType, byte[] body) {
            this(kind, target, pathAndQuery, contentType, body, false);
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    static final int MEGABYTE = 1 << 20;
    static final int DEPTH = 10_000;

    /** Hostile values of a path or query parameter, sent as they are (already encoded where they must be). */
    static final Map<String, String> PARAMETER_VALUES = parameterValues();

    private final ApiOperation operation;
    private final String subject;

    HostileProbes(ApiOperation operation, String subject) {
        this.operation = operation;
        this.subject = subject;
    }

    private static Map<String, String> parameterValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("NUL", encode("probe\u0000x"));
        values.put("only NUL", "%00");
        values.put("right-to-left override and combining marks", encode("\u202Eprobe\u0301\u0336"));
        values.put("zero-width and bidi isolates", encode("\u200B\u2066probe\u2069\u200D"));
        values.put("invalid UTF-8", "%C3%28%FF%FE");
        values.put("overlong UTF-8 slash", "%C0%AF");
        values.put("path traversal", encode("../../etc/passwd"));
        values.put("3,000 characters", "x".repeat(3000));
        values.put("not a UUID", "not-a-uuid");
        values.put("negative number", "-1");
        values.put("number beyond 64 bits", "99999999999999999999999");
        values.put("exponent", "1e999");
        values.put("empty", "");
        values.put("blank", "%20%20");
        values.put("JSON", encode("{\"$ne\":null}"));
        values.put("SQL", encode("' OR '1'='1"));
        return values;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The operation's path with placeholders, and its cheap query parameters. */
    String plainPathAndQuery() {
        return path(null, null) + query(null, null);
    }

    /** The operation as a plausible caller would send it: placeholders, cheap query, plausible body. */
    Probe plainProbe() {
        return probe("plausible", "none", path(null, null), query(null, null));
    }

    List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        for (String parameter : operation.pathParameters().keySet()) {
            PARAMETER_VALUES.forEach((kind, value) ->
                    probes.add(probe(kind, "path " + parameter, path(parameter, value), query(null, null))));
        }
        for (String parameter : operation.queryParameters()) {
            PARAMETER_VALUES.forEach((kind, value) ->
                    probes.add(probe(kind, "query " + parameter, path(null, null), query(parameter, value))));
        }
        if (operation.bodyType() == null) {
            return probes;
        }
        if (operation.bodyType().contains("ndjson")) {
            probes.addAll(ndjsonProbes());
        } else if (operation.bodyType().contains("json")) {
            probes.addAll(jsonProbes());
        } else {
            probes.addAll(opaqueProbes());
        }
        return probes;
    }

    // ---------------------------------------------------------------------------------------------- JSON bodies

    private List<Probe> jsonProbes() {
        List<Probe> probes = new ArrayList<>();
        Map<String, Object> schema = operation.bodySchema() == null ? Map.of() : resolve(operation.bodySchema());
        Object plausible = plausible(schema, "body", 0);
        probes.add(body("not JSON", "body", "{\"a\":".getBytes(StandardCharsets.UTF_8)));
        probes.add(body("empty body", "body", new byte[0]));
        probes.add(body("JSON null", "body", utf8("null")));
        probes.add(body("wrong top-level type", "body", utf8(isArray(schema) ? "{}" : "[]")));
        probes.add(body("a string for the body", "body", utf8("\"probe\"")));
        probes.add(body("arrays nested 10,000 deep", "body", utf8("[".repeat(DEPTH) + "]".repeat(DEPTH))));
        probes.add(body("objects nested 10,000 deep", "body", utf8("{\"a\":".repeat(DEPTH) + "1" + "}".repeat(DEPTH))));
        probes.add(body("lone surrogate escape", "body", utf8("{\"probe\":\"\\ud800\"}")));
        probes.add(body("duplicate keys", "body", utf8("{\"a\":1,\"a\":2}")));
        probes.add(new Probe(
                "wrong media type", "body", path(null, null) + query(null, null), "text/plain", json(plausible)));
        if (!(plausible instanceof Map<?, ?> object)) {
            return probes;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) object;
        probes.add(body("missing every field", "body", utf8("{}")));
        Map<String, Object> unknown = new LinkedHashMap<>(fields);
        unknown.put("probeUnknownField", "x");
        probes.add(body("unknown field", "body", json(unknown)));
        probes.add(body("invalid UTF-8 in a string", "body", withInvalidUtf8(fields)));
        Map<String, Map<String, Object>> properties = properties(schema);
        List<String> required = required(schema);
        properties.forEach((name, property) -> {
            Map<String, Object> resolved = resolve(property);
            if (required.contains(name)) {
                Map<String, Object> missing = new LinkedHashMap<>(fields);
                missing.remove(name);
                probes.add(body("missing required field", name, json(missing)));
            }
            for (Map.Entry<String, Object> value : hostileValues(resolved).entrySet()) {
                Map<String, Object> changed = new LinkedHashMap<>(fields);
                changed.put(name, value.getValue());
                probes.add(body(value.getKey(), name, json(changed)));
            }
        });
        return probes;
    }

    /** Values of the wrong kind or at the edge for one field of the given schema. */
    static Map<String, Object> hostileValues(Map<String, Object> schema) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("null", null);
        String type = type(schema);
        switch (type) {
            case "string" -> {
                values.put("a number for a string", 42);
                values.put("an object for a string", Map.of("probe", 1));
                values.put("1 MB string", "x".repeat(MEGABYTE));
                values.put("NUL", "probe\u0000x");
                values.put("right-to-left override and combining marks", "\u202Eprobe\u0301\u0336\u0489");
                values.put("control characters", "probe\u0007\u001B[31m\r\n");
                values.put("blank", "   ");
                if (schema.get("enum") != null) {
                    values.put("not one of the enum", "NOT_A_MEMBER");
                }
                if (schema.get("format") != null) {
                    values.put("not its format (" + schema.get("format") + ")", "2020-13-45T99:99:99Z-not");
                }
            }
            case "integer", "number" -> {
                values.put("a string for a number", "12");
                values.put("number beyond 64 bits", new java.math.BigInteger("99999999999999999999999"));
                values.put("number beyond double", new java.math.BigDecimal("1e400"));
                values.put("negative number", -1);
                values.put("fraction", 0.5);
                values.put("boolean for a number", true);
            }
            case "boolean" -> {
                values.put("a string for a boolean", "yes");
                values.put("a number for a boolean", 1);
            }
            case "array" -> {
                values.put("an object for an array", Map.of("probe", 1));
                values.put("a string for an array", "probe");
                List<Object> nulls = new ArrayList<>();
                nulls.add(null);
                values.put("array of null", nulls);
                values.put("5,000 items", java.util.Collections.nCopies(5_000, "x"));
                values.put("100,000 items", java.util.Collections.nCopies(100_000, "x"));
            }
            default -> {
                values.put("a string for an object", "probe");
                values.put("an array for an object", List.of(1, 2));
            }
        }
        return values;
    }

    // ---------------------------------------------------------------------------------------------- other bodies

    private List<Probe> ndjsonProbes() {
        List<Probe> probes = new ArrayList<>();
        probes.add(body("empty body", "body", new byte[0]));
        probes.add(body("not JSON lines", "body", utf8("{\"a\":\n}\n")));
        probes.add(body("a line nested 10,000 deep", "body", utf8("[".repeat(DEPTH) + "]".repeat(DEPTH) + "\n")));
        probes.add(body("a 1 MB line", "body", utf8("{\"accountId\":\"" + "x".repeat(MEGABYTE) + "\"}\n")));
        probes.add(body("NUL", "body", utf8("{\"accountId\":\"a\\u0000b\"}\n")));
        probes.add(body("raw NUL bytes", "body", new byte[] {'{', 0, 0, '}', '\n'}));
        probes.add(body(
                "invalid UTF-8", "body", withBytes("{\"accountId\":\"", new byte[] {(byte) 0xC3, 0x28}, "\"}\n")));
        probes.add(body("right-to-left override", "body", utf8("{\"accountId\":\"\u202Eprobe\u0301\"}\n")));
        probes.add(body(
                "numbers out of range",
                "body",
                utf8("{\"inputTokens\":1e400,\"outputTokens\":99999999999999999999}\n")));
        probes.add(body("10,001 lines", "body", utf8("{}\n".repeat(10_001))));
        return probes;
    }

    private List<Probe> opaqueProbes() {
        List<Probe> probes = new ArrayList<>();
        probes.add(body("empty body", "body", new byte[0]));
        probes.add(body("invalid UTF-8", "body", new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF}));
        probes.add(body("NUL bytes", "body", new byte[] {0, 0, 0}));
        probes.add(body("1 MB of text", "body", utf8("x".repeat(MEGABYTE))));
        return probes;
    }

    // ---------------------------------------------------------------------------------------------- plausible values

    /** A value the schema would take: enums, formats, minimums, and the platform's own field names. */
    Object plausible(Map<String, Object> schema, String name, int depth) {
        Map<String, Object> resolved = resolve(schema);
        if (resolved.get("example") != null) {
            return resolved.get("example");
        }
        if (resolved.get("enum") instanceof List<?> choices && !choices.isEmpty()) {
            return choices.get(0);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        switch (type(resolved)) {
            case "object" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                if (depth < 4) {
                    properties(resolved)
                            .forEach((field, property) -> object.put(field, plausible(property, field, depth + 1)));
                }
                return object;
            }
            case "array" -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> items =
                        (Map<String, Object>) resolved.getOrDefault("items", Map.of("type", "string"));
                String singular = lower.endsWith("ies")
                        ? lower.substring(0, lower.length() - 3) + "y"
                        : lower.replaceAll("s$", "");
                return depth < 4 ? List.of(plausible(items, singular, depth + 1)) : List.of();
            }
            case "integer", "number" -> {
                Object minimum = resolved.get("minimum");
                return minimum instanceof Number n ? n : 1;
            }
            case "boolean" -> {
                return false; // never break-glass, never "confirm"
            }
            default -> {
                return plausibleString(resolved, lower);
            }
        }
    }

    private String plausibleString(Map<String, Object> schema, String name) {
        Object format = schema.get("format");
        if ("uuid".equals(format)) {
            return UUID.randomUUID().toString();
        }
        if ("date".equals(format)) {
            return LocalDate.of(1990, 4, 17).toString();
        }
        if ("date-time".equals(format)) {
            return OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString();
        }
        if (name.equals("subject") || name.endsWith("subject")) {
            return subject;
        }
        if (name.contains("country") || name.contains("nationalit") || name.contains("jurisdiction")) {
            return "SE";
        }
        if (name.contains("capabilit")) {
            return "fable-5:chat";
        }
        if (name.equals("tier")) {
            return "PUBLIC";
        }
        Object pattern = schema.get("pattern");
        if (pattern instanceof String p && p.matches("[A-Z_]+(\\|[A-Z_]+)+")) {
            return p.substring(0, p.indexOf('|'));
        }
        return "hostile input probe";
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private Map<String, Object> resolve(Map<String, Object> schema) {
        Map<String, Object> resolved = operation.resolve(schema);
        // SmallRye writes a nullable field as {type: [string, "null"]} or oneOf/allOf of one $ref
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (resolved.get(combinator) instanceof List<?> parts
                    && !parts.isEmpty()
                    && parts.get(0) instanceof Map<?, ?> first) {
                @SuppressWarnings("unchecked")
                Map<String, Object> part = (Map<String, Object>) first;
                return resolve(part);
            }
        }
        return resolved;
    }

    private static String type(Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type instanceof List<?> types) {
            type = types.stream()
                    .map(String::valueOf)
                    .filter(t -> !"null".equals(t))
                    .findFirst()
                    .orElse("string");
        }
        if (type == null) {
            return schema.containsKey("properties") ? "object" : "string";
        }
        return type.toString();
    }

    private static boolean isArray(Map<String, Object> schema) {
        return "array".equals(type(schema));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> properties(Map<String, Object> schema) {
        return (Map<String, Map<String, Object>>) schema.getOrDefault("properties", Map.of());
    }

    @SuppressWarnings("unchecked")
    private static List<String> required(Map<String, Object> schema) {
        return (List<String>) schema.getOrDefault("required", List.of());
    }

    private String path(String parameter, String value) {
        String path = operation.path();
        for (Map.Entry<String, Map<String, Object>> p :
                operation.pathParameters().entrySet()) {
            String replacement = p.getKey().equals(parameter)
                    ? value
                    : encode(AuthorizationMatrixIT.placeholder(p.getKey(), p.getValue(), subject));
            path = path.replace("{" + p.getKey() + "}", replacement);
        }
        return path;
    }

    private String query(String parameter, String value) {
        List<String> pairs = new ArrayList<>();
        for (String q : operation.queryParameters()) {
            if (q.equals(parameter)) {
                pairs.add(q + "=" + value);
            } else if (AuthorizationMatrixIT.CHEAP_QUERY.containsKey(q)) {
                pairs.add(q + "=" + AuthorizationMatrixIT.CHEAP_QUERY.get(q));
            }
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private Probe probe(String kind, String target, String path, String query) {
        byte[] body = operation.bodyType() == null ? null : plausibleBody();
        return new Probe(kind, target, path + query, operation.bodyType(), body);
    }

    /** The plausible body a parameter probe carries, so that the body is not what gets it refused. */
    private byte[] plausibleBody() {
        if (operation.bodyType().contains("ndjson")) {
            return utf8("{}\n");
        }
        if (!operation.bodyType().contains("json")) {
            return new byte[0];
        }
        return json(plausible(operation.bodySchema() == null ? Map.of() : operation.bodySchema(), "body", 0));
    }

    private Probe body(String kind, String target, byte[] body) {
        return new Probe(kind, target, path(null, null) + query(null, null), operation.bodyType(), body);
    }

    /** The plausible object with its first string field's value as bytes that are not UTF-8. */
    private static byte[] withInvalidUtf8(Map<String, Object> fields) {
        Map<String, Object> marked = new LinkedHashMap<>(fields);
        String marker = "@@INVALID-UTF8@@";
        String field = marked.entrySet().stream()
                .filter(e -> e.getValue() instanceof String)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse("probe");
        marked.put(field, marker);
        String text = new String(json(marked), StandardCharsets.UTF_8);
        int at = text.indexOf(marker);
        return withBytes(
                text.substring(0, at),
                new byte[] {(byte) 0xC3, 0x28, (byte) 0xC0, (byte) 0xAF, (byte) 0xFF},
                text.substring(at + marker.length()));
    }

    private static byte[] withBytes(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(before));
        out.writeBytes(middle);
        out.writeBytes(utf8(after));
        return out.toByteArray();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
