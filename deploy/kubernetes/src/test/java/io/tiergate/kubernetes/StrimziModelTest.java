package io.tiergate.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The Strimzi resources of operators/ read into Strimzi's own typed model (io.strimzi:api, the release
 * docs/kubernetes.md installs) as strictly as KubernetesModel reads the chart: a field Strimzi does not know, or a
 * value of the wrong type, fails here instead of being pruned by the API server.
 */
class StrimziModelTest {

    static final Map<String, Class<?>> STRIMZI = Map.of(
            "Kafka", Kafka.class,
            "KafkaNodePool", KafkaNodePool.class,
            "KafkaTopic", KafkaTopic.class);

    @Test
    void everyStrimziResourceIsAModelObjectWithNoUnknownField() {
        List<String> refused = new ArrayList<>();
        Map<String, Integer> kinds = new TreeMap<>();
        STRIMZI.forEach((kind, type) -> OperatorResourcesTest.OPERATORS
                .ofKind(kind)
                .forEach(object -> {
                    assertEquals(
                            "kafka.strimzi.io/v1beta2",
                            object.path("apiVersion").asText(),
                            Manifests.name(object));
                    try {
                        KubernetesModel.read(object, type);
                        kinds.merge(kind, 1, Integer::sum);
                    } catch (IllegalArgumentException e) {
                        refused.add(e.getMessage());
                    }
                }));
        assertEquals(List.of(), refused);
        assertEquals(1, kinds.get("Kafka"), "kinds read: " + kinds);
        assertTrue(kinds.getOrDefault("KafkaNodePool", 0) >= 1, "kinds read: " + kinds);
        assertTrue(kinds.getOrDefault("KafkaTopic", 0) >= 10, "kinds read: " + kinds);
    }

    @Test
    void aMisspeltOrMistypedTopicFieldIsRefused() {
        JsonNode topic =
                OperatorResourcesTest.OPERATORS.ofKind("KafkaTopic").findFirst().orElseThrow();
        KubernetesModel.read(topic, KafkaTopic.class); // the control: as committed, it reads

        ObjectNode misspelt = topic.deepCopy();
        ObjectNode spec = (ObjectNode) misspelt.path("spec");
        spec.set("partitons", spec.remove("partitions"));
        assertThrows(IllegalArgumentException.class, () -> KubernetesModel.read(misspelt, KafkaTopic.class));

        ObjectNode mistyped = topic.deepCopy();
        ((ObjectNode) mistyped.path("spec")).put("replicas", "three");
        assertThrows(IllegalArgumentException.class, () -> KubernetesModel.read(mistyped, KafkaTopic.class));
    }

    @Test
    void aFieldOneLevelOffInTheKafkaIsRefused() {
        JsonNode kafka =
                OperatorResourcesTest.OPERATORS.ofKind("Kafka").findFirst().orElseThrow();
        ObjectNode misplaced = kafka.deepCopy();
        // listeners belong under spec.kafka, not spec
        ((ObjectNode) misplaced.path("spec"))
                .set("listeners", kafka.path("spec").path("kafka").path("listeners"));
        assertThrows(IllegalArgumentException.class, () -> KubernetesModel.read(misplaced, Kafka.class));
    }
}
