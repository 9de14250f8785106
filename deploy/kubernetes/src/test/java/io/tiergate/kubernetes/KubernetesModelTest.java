package io.tiergate.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every object the chart renders, with either value set, read strictly into fabric8's typed Kubernetes model. */
class KubernetesModelTest {

    static final Manifests DEFAULT = ChartTest.render(null);

    @ParameterizedTest(name = "{0} values")
    @MethodSource("io.tiergate.kubernetes.ChartTest#valueSets")
    void everyRenderedObjectIsAModelObjectWithNoUnknownField(String label, Path values) {
        Manifests manifests = ChartTest.render(values);
        assertFalse(manifests.objects().isEmpty());
        List<String> refused = new ArrayList<>();
        Map<String, Integer> kinds = new TreeMap<>();
        for (JsonNode object : manifests.objects()) {
            try {
                HasMetadata typed = KubernetesModel.read(object);
                kinds.merge(typed.getKind(), 1, Integer::sum);
                // and nothing was dropped on the way in: the model writes back what it read
                assertEquals(
                        List.of(),
                        differences("", object, KubernetesModel.written(typed)),
                        typed.getKind() + " " + Manifests.name(object) + ": read and written back");
            } catch (IllegalArgumentException e) {
                refused.add(e.getMessage());
            }
        }
        assertEquals(List.of(), refused);
        assertEquals(
                Map.of(
                        "Deployment", 6,
                        "Service", 6,
                        "PodDisruptionBudget", 6,
                        "HorizontalPodAutoscaler", 2),
                Map.of(
                        "Deployment", kinds.get("Deployment"),
                        "Service", kinds.get("Service"),
                        "PodDisruptionBudget", kinds.get("PodDisruptionBudget"),
                        "HorizontalPodAutoscaler", kinds.get("HorizontalPodAutoscaler")),
                "kinds read: " + kinds);
        assertTrue(kinds.getOrDefault("NetworkPolicy", 0) > 6, "kinds read: " + kinds);
    }

    @Test
    void aMisspeltProbeIsRefused() {
        ObjectNode deployment = entitlementDeployment();
        ObjectNode container = (ObjectNode) ChartTest.container(deployment);
        container.set("livenesProbe", container.remove("livenessProbe"));
        assertRefused(deployment, "livenesProbe");
    }

    @Test
    void aFieldOneLevelOffIsRefused() {
        // replicas belongs to the Deployment's spec, not the pod template's
        ObjectNode deployment = entitlementDeployment();
        ((ObjectNode) deployment.path("spec").path("template").path("spec")).put("replicas", 3);
        assertRefused(deployment, "replicas");
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() {
        ObjectNode deployment = entitlementDeployment();
        ObjectNode sc = (ObjectNode) ChartTest.container(deployment).path("securityContext");
        sc.put("readOnlyRootFilesystem", "true");
        assertRefused(deployment, "readOnlyRootFilesystem");
    }

    @Test
    void aKindWithoutAModelClassIsRefused() {
        ObjectNode configMap =
                (ObjectNode) Manifests.parse("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n")
                        .objects()
                        .get(0);
        assertRefused(configMap, "no model class for v1/ConfigMap");
    }

    @Test
    void theUntouchedDeploymentIsRead() {
        // the negative cases above fail for their change, not for the object they start from
        assertInstanceOf(Deployment.class, KubernetesModel.read(entitlementDeployment()));
    }

    /** Paths where two trees differ; numbers compare by value (an int read back may be written as a long). */
    static List<String> differences(String path, JsonNode a, JsonNode b) {
        List<String> out = new ArrayList<>();
        if (a.isNumber() && b.isNumber()) {
            if (a.decimalValue().compareTo(b.decimalValue()) != 0) {
                out.add(path + ": " + a + " != " + b);
            }
        } else if (a.isObject() && b.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                out.addAll(differences(path + "/" + n, a.path(n), b.path(n)));
            }
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                out.addAll(differences(path + "/" + i, a.get(i), b.get(i)));
            }
        } else if (!a.equals(b)) {
            out.add(path + ": " + a + " != " + b);
        }
        return out;
    }

    private static ObjectNode entitlementDeployment() {
        return DEFAULT.byName("Deployment").get("entitlement-service").deepCopy();
    }

    private static void assertRefused(JsonNode object, String naming) {
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> KubernetesModel.read(object));
        assertTrue(refused.getMessage().contains(naming), refused::getMessage);
    }
}
