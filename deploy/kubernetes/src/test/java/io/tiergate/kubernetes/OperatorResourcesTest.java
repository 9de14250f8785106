package io.tiergate.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Strimzi, CloudNativePG and Keycloak Operator resources against the services and docs/kubernetes.md. */
class OperatorResourcesTest {

    static final int REPLICATION = 3;
    static final int MIN_IN_SYNC = 2;
    static final Set<String> HOT_TOPICS = Set.of("tiergate.requests", "tiergate.decisions");
    static final long DAY_MS = 86_400_000L;
    /** A topic row of docs/kubernetes.md: | `name` | partitions | retention | why | */
    static final Pattern DOCUMENTED_TOPIC =
            Pattern.compile("^\\| `([a-z][a-z.-]+)` \\| (\\d+) \\| (forever|\\d+ days?) \\|", Pattern.MULTILINE);

    static final Pattern JAVA_TOPIC_CONSTANT =
            Pattern.compile("static final String [A-Z_]+ = \"((?:tiergate|campaign-service)\\.[a-z.-]+)\"");

    static final Manifests OPERATORS = load();

    static Manifests load() {
        try (Stream<Path> files = Files.list(Project.OPERATORS)) {
            String all = files.filter(f -> f.toString().endsWith(".yaml"))
                    .sorted()
                    .map(f -> Project.read(f) + "\n---\n")
                    .collect(Collectors.joining());
            return Manifests.parse(all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** KafkaTopics by the Kafka topic name (spec.topicName, or metadata.name without one). */
    static Map<String, JsonNode> topics() {
        Map<String, JsonNode> topics = new TreeMap<>();
        OPERATORS.ofKind("KafkaTopic").forEach(t -> {
            String name = t.path("spec").path("topicName").asText(Manifests.name(t));
            assertEquals(null, topics.put(name, t), "two KafkaTopics for " + name);
        });
        return topics;
    }

    @Test
    void everyTopicTheServicesNameHasAKafkaTopic() throws IOException {
        Map<String, String> used = new TreeMap<>(Project.topicsInProperties());
        // campaign-service creates its topology's topics in code (Topics, TopicSetup)
        Path constants = Project.ROOT.resolve("campaign-service/src/main/java/io/tiergate/campaign/stream/Topics.java");
        Matcher m = JAVA_TOPIC_CONSTANT.matcher(Files.readString(constants));
        while (m.find()) {
            used.putIfAbsent(m.group(1), "campaign-service Topics");
        }
        assertTrue(used.keySet().containsAll(HOT_TOPICS), "topics found: " + used.keySet());
        Set<String> missing = new TreeSet<>(used.keySet());
        missing.removeAll(topics().keySet());
        assertTrue(
                missing.isEmpty(),
                () -> "no KafkaTopic for "
                        + missing.stream()
                                .map(t -> t + " (" + used.get(t) + ")")
                                .toList());
        Set<String> unused = new TreeSet<>(topics().keySet());
        unused.removeAll(used.keySet());
        assertTrue(unused.isEmpty(), "KafkaTopics no service uses: " + unused);
    }

    @Test
    void topicsAreReplicatedThreeTimesWithTwoInSync() {
        topics().forEach((name, topic) -> {
            JsonNode spec = topic.path("spec");
            assertEquals(REPLICATION, spec.path("replicas").asInt(), name + ": replicas");
            assertEquals(
                    MIN_IN_SYNC, spec.path("config").path("min.insync.replicas").asInt(), name);
            assertTrue(spec.path("partitions").asInt() >= 1, name);
            assertEquals(
                    "tiergate",
                    topic.path("metadata")
                            .path("labels")
                            .path("strimzi.io/cluster")
                            .asText(),
                    name);
        });
        HOT_TOPICS.forEach(t -> assertTrue(
                topics().get(t).path("spec").path("partitions").asInt() >= 6, t + ": at least 6 partitions"));
    }

    @Test
    void theKafkaClusterIsKraftWithThreeBrokersAndControllers() {
        List<JsonNode> kafkas = OPERATORS.ofKind("Kafka").toList();
        assertEquals(1, kafkas.size());
        JsonNode kafka = kafkas.get(0);
        String cluster = Manifests.name(kafka);
        JsonNode annotations = kafka.path("metadata").path("annotations");
        assertEquals("enabled", annotations.path("strimzi.io/kraft").asText());
        assertEquals("enabled", annotations.path("strimzi.io/node-pools").asText());
        assertFalse(kafka.path("spec").has("zookeeper"), "KRaft has no ZooKeeper");
        JsonNode config = kafka.path("spec").path("kafka").path("config");
        assertEquals(REPLICATION, config.path("default.replication.factor").asInt());
        assertEquals(MIN_IN_SYNC, config.path("min.insync.replicas").asInt());
        assertEquals(
                REPLICATION, config.path("offsets.topic.replication.factor").asInt());
        assertEquals(
                REPLICATION,
                config.path("transaction.state.log.replication.factor").asInt());

        Map<String, Integer> replicasByRole = new TreeMap<>();
        OPERATORS
                .ofKind("KafkaNodePool")
                .filter(p -> cluster.equals(p.path("metadata")
                        .path("labels")
                        .path("strimzi.io/cluster")
                        .asText()))
                .forEach(p -> p.path("spec")
                        .path("roles")
                        .forEach(role -> replicasByRole.merge(
                                role.asText(), p.path("spec").path("replicas").asInt(), Integer::sum)));
        assertEquals(Map.of("broker", 3, "controller", 3), replicasByRole);
    }

    @Test
    void campaignServicesCoPartitionedTopicsMatchItsPartitionSetting() {
        JsonNode values = readYaml(Project.CHART.resolve("values.yaml"));
        int partitions = values.path("services")
                .path("campaign-service")
                .path("env")
                .path("TIERGATE_CAMPAIGN_PARTITIONS")
                .asInt();
        assertTrue(partitions >= 6, "TIERGATE_CAMPAIGN_PARTITIONS " + partitions);
        Map<String, JsonNode> topics = topics();
        // as TopicSetup makes them: these must agree, or Kafka Streams refuses the co-partitioned joins
        Map<String, Integer> expected = new TreeMap<>(Map.of(
                "tiergate.requests", partitions,
                "campaign-service.requests-rekeyed", partitions,
                "campaign-service.identity-links", partitions,
                "campaign-service.family-deltas", partitions,
                "campaign-service.family-verdicts", partitions,
                "campaign-service.family-summaries", 1));
        Map<String, Integer> actual = new TreeMap<>();
        expected.keySet()
                .forEach(t -> actual.put(
                        t, topics.get(t).path("spec").path("partitions").asInt()));
        assertEquals(expected, actual);
        int maxReplicas = values.path("services")
                .path("campaign-service")
                .path("autoscaling")
                .path("maxReplicas")
                .asInt();
        assertTrue(maxReplicas <= partitions, "campaign-service replicas beyond the partitions idle: " + maxReplicas);
    }

    @Test
    void theKubernetesDocStatesThePartitionsAndRetentionOfEveryTopic() {
        Map<String, String> stated = new TreeMap<>();
        Matcher m = DOCUMENTED_TOPIC.matcher(Project.read(Project.ROOT.resolve("docs/kubernetes.md")));
        while (m.find()) {
            stated.put(m.group(1), m.group(2) + " / " + retentionMs(m.group(3)));
        }
        Map<String, String> declared = new TreeMap<>();
        topics().forEach((name, t) -> declared.put(
                name,
                t.path("spec").path("partitions").asInt() + " / "
                        + t.path("spec").path("config").path("retention.ms").asLong()));
        assertEquals(declared, stated, "docs/kubernetes.md's topic table against operators/kafka-topics.yaml");
    }

    @Test
    void everyServiceDatabaseHasAThreeInstanceCluster() {
        Map<String, JsonNode> clusters = new TreeMap<>();
        OPERATORS
                .ofKind("Cluster")
                .filter(c -> c.path("apiVersion").asText().startsWith("postgresql.cnpg.io/"))
                .forEach(c -> clusters.put(
                        c.path("spec")
                                .path("bootstrap")
                                .path("initdb")
                                .path("database")
                                .asText(),
                        c));
        List<String> databases = Project.SERVICES.stream()
                .map(Project::database)
                .filter(Objects::nonNull)
                .toList();
        assertEquals(5, databases.size(), "service databases: " + databases);
        for (String db : databases) {
            JsonNode cluster = clusters.get(db);
            assertTrue(cluster != null, "no CloudNativePG Cluster for " + db + ": " + clusters.keySet());
            JsonNode initdb = cluster.path("spec").path("bootstrap").path("initdb");
            assertEquals(3, cluster.path("spec").path("instances").asInt(), db);
            assertFalse(initdb.path("owner").asText().isBlank(), db + ": owner");
            assertFalse(initdb.path("secret").path("name").asText().isBlank(), db + ": the owner's Secret");
        }
        // the chart connects to the same Clusters, with the same Secrets
        JsonNode values = readYaml(Project.CHART.resolve("values.yaml"));
        String prefix = values.path("postgres").path("clusterPrefix").asText();
        values.path("services").fields().forEachRemaining(e -> {
            String db = e.getValue().path("database").asText(null);
            if (db != null) {
                JsonNode cluster = clusters.get(db);
                assertEquals(prefix + db + "-db", Manifests.name(cluster), e.getKey());
                assertEquals(
                        cluster.path("spec")
                                .path("bootstrap")
                                .path("initdb")
                                .path("secret")
                                .path("name")
                                .asText(),
                        e.getValue().path("databaseSecret").asText(),
                        e.getKey() + ": the owner's Secret");
            }
        });
    }

    @Test
    void theRealmImportHasNoUsersAndNoClientSecrets() {
        List<JsonNode> imports = OPERATORS.ofKind("KeycloakRealmImport").toList();
        assertEquals(1, imports.size());
        JsonNode realm = imports.get(0).path("spec").path("realm");
        JsonNode export = readJson(Project.ROOT.resolve("deploy/keycloak/tiergate-realm.json"));
        assertEquals(export.path("realm").asText(), realm.path("realm").asText());
        assertFalse(realm.has("users"), "users in the realm import");
        List<String> withSecrets = new ArrayList<>();
        Map<String, JsonNode> exported = new TreeMap<>();
        export.path("clients").forEach(c -> exported.put(c.path("clientId").asText(), c));
        realm.path("clients").forEach(c -> {
            String id = c.path("clientId").asText();
            if (c.has("secret")) {
                withSecrets.add(id);
            }
            assertTrue(exported.containsKey(id), id + " is not a client of the project's realm");
            assertFalse(c.path("directAccessGrantsEnabled").asBoolean(), id + ": the password grant");
            c.path("redirectUris")
                    .forEach(u -> assertFalse(
                            u.asText().contains("127.0.0.1") || u.asText().contains("localhost"), id + ": " + u));
        });
        assertTrue(withSecrets.isEmpty(), "client secrets in the realm import: " + withSecrets);
        // derived from the export: the same roles and groups, and every confidential service client kept
        assertEquals(export.path("roles"), realm.path("roles"));
        assertEquals(export.path("groups"), realm.path("groups"));
        assertTrue(NetworkPolicies.stream(realm.path("clients"))
                .map(c -> c.path("clientId").asText())
                .toList()
                .containsAll(List.of("tier-service", "tiergate-console", "tiergate-web")));
        JsonNode keycloak = OPERATORS.ofKind("Keycloak").findFirst().orElseThrow();
        assertEquals(
                Manifests.name(keycloak),
                imports.get(0).path("spec").path("keycloakCRName").asText());
    }

    @Test
    void operatorImagesArePinned() {
        List<String> images = new ArrayList<>();
        OPERATORS.objects().forEach(o -> o.findValues("imageName").forEach(i -> images.add(i.asText())));
        OPERATORS.objects().forEach(o -> o.findValues("image").forEach(i -> images.add(i.asText())));
        assertFalse(images.isEmpty(), "no image named in operators/");
        images.forEach(image ->
                assertTrue(image.matches(".+:[0-9][^:/]*") && !image.endsWith(":latest"), "unpinned image " + image));
        JsonNode kafka = OPERATORS.ofKind("Kafka").findFirst().orElseThrow();
        assertTrue(
                kafka.path("spec").path("kafka").path("version").asText().matches("\\d+\\.\\d+\\.\\d+"),
                "the Kafka version is pinned");
    }

    @Test
    void noOperatorResourceHoldsASecret() {
        List<String> secrets = OPERATORS.ofKind("Secret").map(Manifests::name).toList();
        assertTrue(secrets.isEmpty(), "Secrets in operators/: " + secrets);
    }

    private static long retentionMs(String stated) {
        if (stated.equals("forever")) {
            return -1;
        }
        return Long.parseLong(stated.split(" ")[0]) * DAY_MS;
    }

    private static JsonNode readYaml(Path path) {
        try {
            return Manifests.YAML.readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readJson(Path path) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
