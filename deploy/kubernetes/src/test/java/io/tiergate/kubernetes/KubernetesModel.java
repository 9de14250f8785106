package io.tiergate.kubernetes;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.util.Map;

/**
 * Kubernetes objects read into fabric8's typed model, strictly: every fabric8 model class keeps the fields it does
 * not know in an "additionalProperties" map (a Jackson any-setter), so a plain read accepts {@code livenesProbe} or a
 * field one level off without a word. Here the any-setters are taken away and unknown properties fail, as does a
 * scalar of the wrong type ({@code replicas: "3"}, {@code readOnlyRootFilesystem: "true"}).
 */
final class KubernetesModel {

    /** apiVersion/kind to the model class: a kind the chart starts rendering must be added here to be checked. */
    static final Map<String, Class<? extends HasMetadata>> CLASSES = Map.of(
            "apps/v1/Deployment", Deployment.class,
            "v1/Service", Service.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);

    static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addModule(new SimpleModule("no-any-setters").setDeserializerModifier(new BeanDeserializerModifier() {
                @Override
                public BeanDeserializerBuilder updateBuilder(
                        DeserializationConfig config, BeanDescription bean, BeanDeserializerBuilder builder) {
                    builder.setAnySetter(null);
                    builder.setIgnoreUnknownProperties(false);
                    return builder;
                }
            }))
            .build();

    private KubernetesModel() {}

    /** The object as its model class; throws, naming the path, on an unknown kind, field or a mistyped value. */
    static HasMetadata read(JsonNode object) {
        String key =
                object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        Class<? extends HasMetadata> type = CLASSES.get(key);
        if (type == null) {
            throw new IllegalArgumentException("no model class for " + key + " (" + Manifests.name(object) + ")");
        }
        return read(object, type);
    }

    static <T> T read(JsonNode object, Class<T> type) {
        try {
            return STRICT.readerFor(type).readValue(STRICT.treeAsTokens(object));
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    type.getSimpleName() + " " + Manifests.name(object) + ": " + e.getMessage(), e);
        }
    }

    /** Metadata as the API server reads it (CRD schemas leave metadata to the server). */
    static ObjectMeta metadata(JsonNode object) {
        return read(object.path("metadata"), ObjectMeta.class);
    }

    /** The object written back from the model: what the model kept of it. */
    static JsonNode written(HasMetadata object) {
        return STRICT.valueToTree(object);
    }
}
