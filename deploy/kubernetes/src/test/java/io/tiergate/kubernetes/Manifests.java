package io.tiergate.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Kubernetes objects parsed from multi-document YAML, as Jackson trees. */
record Manifests(List<JsonNode> objects) {

    static final ObjectMapper YAML = new YAMLMapper();

    static Manifests parse(String yaml) {
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> docs =
                YAML.readerFor(JsonNode.class).readValues(new YAMLFactory().createParser(yaml))) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode() && doc.size() > 0) {
                    objects.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Manifests(objects);
    }

    Stream<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText()));
    }

    /** The objects of a kind by metadata.name. */
    Map<String, JsonNode> byName(String kind) {
        Map<String, JsonNode> named = new TreeMap<>();
        ofKind(kind).forEach(o -> named.put(name(o), o));
        return named;
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    /** matchLabels as a map; a selector with matchExpressions is refused, since the checks here do not read them. */
    static Map<String, String> labels(JsonNode selectorOrLabels) {
        if (selectorOrLabels.has("matchExpressions")) {
            throw new IllegalStateException("matchExpressions are not checked: " + selectorOrLabels);
        }
        JsonNode labels = selectorOrLabels.has("matchLabels") ? selectorOrLabels.get("matchLabels") : selectorOrLabels;
        Map<String, String> map = new TreeMap<>();
        labels.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return labels.entrySet().containsAll(selector.entrySet());
    }
}
