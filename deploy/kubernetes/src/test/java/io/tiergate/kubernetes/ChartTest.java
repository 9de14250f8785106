package io.tiergate.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.tiergate.kubernetes.NetworkPolicies.Pod;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The chart as Helm renders it, with the default and the production values, checked object by object. */
class ChartTest {

    static final String NAMESPACE = "tiergate";
    static final String RELEASE = "tiergate";
    /** Agroal's default max-size, and what PostgreSQL keeps for superusers, replication and the operator. */
    static final int QUARKUS_DEFAULT_POOL = 20;

    static final int RESERVED_CONNECTIONS = 20;
    static final Set<String> AUTOSCALED = Set.of("entitlement-service", "campaign-service");
    static final String GATEWAY_LABEL = "tiergate.io/role";
    /** Names that hold a credential: these must come from a Secret, never from a value. */
    static final Pattern CREDENTIAL = Pattern.compile("(.*_)?(PASSWORD|SECRET|KEY|KEYS|USERNAME|TOKEN)(_.*)?");

    static Stream<Arguments> valueSets() {
        return Stream.of(Arguments.of("default", null), Arguments.of("production", Project.PRODUCTION_VALUES));
    }

    static Manifests render(Path values) {
        TemplateCommand template =
                new Helm(Project.CHART).template().withName(RELEASE).withNamespace(NAMESPACE);
        if (values != null) {
            template.withValuesFile(values);
        }
        return Manifests.parse(template.call());
    }

    @Test
    void helmLintReportsNoErrors() {
        LintResult lint = new Helm(Project.CHART).lint().strict().call();
        List<String> errors = lint.getMessages().stream()
                .filter(m -> m.contains("[ERROR]") || m.contains("[WARNING]"))
                .toList();
        assertFalse(lint.isFailed(), () -> "helm lint: " + lint.getMessages());
        assertTrue(errors.isEmpty(), () -> "helm lint: " + errors);
    }

    @Test
    void aLatestTagIsRefused() {
        Exception refused = assertThrows(
                Exception.class,
                () -> new Helm(Project.CHART)
                        .template()
                        .withName(RELEASE)
                        .set("image.tag", "latest")
                        .call());
        assertTrue(refused.getMessage().contains("must not be latest"), refused::getMessage);
    }

    @ParameterizedTest(name = "{0} values")
    @MethodSource("valueSets")
    void everyServiceHasADeploymentOnItsPortWithProbesResourcesAndNoRoot(String label, Path values) {
        Map<String, JsonNode> deployments = render(values).byName("Deployment");
        assertEquals(Set.copyOf(Project.SERVICES), deployments.keySet());
        deployments.forEach((name, deployment) -> {
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            assertEquals(1, pod.path("containers").size(), name);
            JsonNode container = pod.path("containers").get(0);
            int port = Project.port(name);
            assertEquals(
                    List.of(port), containerPorts(container).values().stream().toList(), name + ": ports");
            assertEquals(
                    String.valueOf(port),
                    env(container).get("QUARKUS_HTTP_PORT").path("value").asText());

            assertProbe(name, container, "startupProbe", "/q/health/started", port);
            assertProbe(name, container, "livenessProbe", "/q/health/live", port);
            assertProbe(name, container, "readinessProbe", "/q/health/ready", port);

            for (String bound : List.of("requests", "limits")) {
                JsonNode r = container.path("resources").path(bound);
                assertFalse(r.path("cpu").asText().isBlank(), name + ": " + bound + ".cpu");
                assertFalse(r.path("memory").asText().isBlank(), name + ": " + bound + ".memory");
            }

            assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean(), name + ": runAsNonRoot");
            JsonNode sc = container.path("securityContext");
            assertTrue(sc.path("readOnlyRootFilesystem").asBoolean(), name + ": readOnlyRootFilesystem");
            assertFalse(sc.path("allowPrivilegeEscalation").asBoolean(true), name + ": allowPrivilegeEscalation");
            assertTrue(mountPaths(container).contains("/tmp"), name + ": a writable /tmp");
            volumesAreEmptyDirs(name, pod, container);

            String image = container.path("image").asText();
            assertTrue(image.matches(".+/" + name + ":[^:/]+"), name + ": image " + image);
            assertFalse(image.endsWith(":latest"), name + ": image " + image);
        });
    }

    @ParameterizedTest(name = "{0} values")
    @MethodSource("valueSets")
    void everyServiceGetsTheSettingsItsPropertiesExpect(String label, Path values) {
        Manifests manifests = render(values);
        manifests.byName("Deployment").forEach((name, deployment) -> {
            Map<String, JsonNode> env = env(container(deployment));
            // what the prod profile cannot start without
            for (String required : Project.requiredEnvironment(name)) {
                assertTrue(env.containsKey(required), name + " needs " + required + ", given " + env.keySet());
            }
            String database = Project.database(name);
            if (database == null) {
                assertFalse(env.containsKey("QUARKUS_DATASOURCE_JDBC_URL"), name);
            } else {
                String url =
                        env.get("QUARKUS_DATASOURCE_JDBC_URL").path("value").asText();
                assertTrue(url.matches("jdbc:postgresql://[a-z0-9.-]+:5432/" + database), name + ": " + url);
                assertTrue(env.containsKey("QUARKUS_DATASOURCE_PASSWORD"), name);
            }
            boolean usesKafka = Project.prodProperties(name).containsKey("kafka.bootstrap.servers");
            assertEquals(usesKafka, env.containsKey("KAFKA_BOOTSTRAP_SERVERS"), name + ": Kafka");
            assertTrue(
                    env.get("QUARKUS_OIDC_AUTH_SERVER_URL")
                            .path("value")
                            .asText()
                            .endsWith("/realms/tiergate"),
                    name + ": OIDC");
        });
    }

    @ParameterizedTest(name = "{0} values")
    @MethodSource("valueSets")
    void noSecretIsRenderedAndEveryCredentialComesFromASecretKeyRef(String label, Path values) {
        Manifests manifests = render(values);
        List<String> secrets = manifests
                .ofKind("Secret")
                .filter(s -> s.has("data") || s.has("stringData"))
                .map(Manifests::name)
                .toList();
        assertTrue(secrets.isEmpty(), "rendered Secrets: " + secrets);
        List<String> literal = new ArrayList<>();
        manifests
                .byName("Deployment")
                .forEach((name, deployment) -> env(container(deployment)).forEach((var, entry) -> {
                    boolean fromSecret = !entry.path("valueFrom")
                            .path("secretKeyRef")
                            .path("name")
                            .asText()
                            .isBlank();
                    if (CREDENTIAL.matcher(var).matches() && (!fromSecret || entry.has("value"))) {
                        literal.add(name + " " + var);
                    }
                }));
        assertTrue(literal.isEmpty(), "credentials not from a Secret: " + literal);
    }

    @ParameterizedTest(name = "{0} values")
    @MethodSource("valueSets")
    void everyServiceTargetsAPortItsDeploymentExposes(String label, Path values) {
        Manifests manifests = render(values);
        Map<String, JsonNode> deployments = manifests.byName("Deployment");
        Map<String, JsonNode> services = manifests.byName("Service");
        assertEquals(deployments.keySet(), services.keySet());
        services.forEach((name, service) -> {
            Map<String, String> selector = Manifests.labels(service.path("spec").path("selector"));
            List<String> selected = selected(deployments, selector);
            assertEquals(List.of(name), selected, name + ": the Deployments its selector picks");
            Map<String, Integer> ports = containerPorts(container(deployments.get(name)));
            for (JsonNode port : service.path("spec").path("ports")) {
                JsonNode target = port.path("targetPort");
                boolean exposed =
                        target.isInt() ? ports.containsValue(target.asInt()) : ports.containsKey(target.asText());
                assertTrue(exposed, name + ": targetPort " + target + " not among " + ports);
                assertEquals(Project.port(name), port.path("port").asInt(), name + ": the port of ports.properties");
            }
        });
    }

    @ParameterizedTest(name = "{0} values")
    @MethodSource("valueSets")
    void aDisruptionBudgetSelectsEachDeployment(String label, Path values) {
        Manifests manifests = render(values);
        Map<String, JsonNode> deployments = manifests.byName("Deployment");
        Map<String, List<String>> covered = new TreeMap<>();
        manifests.ofKind("PodDisruptionBudget").forEach(pdb -> {
            Map<String, String> selector = Manifests.labels(pdb.path("spec").path("selector"));
            assertFalse(selector.isEmpty(), Manifests.name(pdb) + ": an empty selector takes every pod");
            assertTrue(
                    pdb.path("spec").has("maxUnavailable") || pdb.path("spec").has("minAvailable"),
                    Manifests.name(pdb));
            selected(deployments, selector)
                    .forEach(d ->
                            covered.computeIfAbsent(d, k -> new ArrayList<>()).add(Manifests.name(pdb)));
        });
        deployments
                .keySet()
                .forEach(d -> assertEquals(1, covered.getOrDefault(d, List.of()).size(), d + ": " + covered));
    }

    @ParameterizedTest(name = "{0} values")
    @MethodSource("valueSets")
    void entitlementAndCampaignScaleOnCpuAndRequestRate(String label, Path values) {
        Manifests manifests = render(values);
        Map<String, JsonNode> hpas = manifests.byName("HorizontalPodAutoscaler");
        assertEquals(AUTOSCALED, hpas.keySet());
        Map<String, JsonNode> deployments = manifests.byName("Deployment");
        hpas.forEach((name, hpa) -> {
            JsonNode spec = hpa.path("spec");
            assertEquals("Deployment", spec.path("scaleTargetRef").path("kind").asText());
            assertEquals(name, spec.path("scaleTargetRef").path("name").asText());
            assertFalse(deployments.get(name).path("spec").has("replicas"), name + ": replicas fight the HPA");
            int min = spec.path("minReplicas").asInt(),
                    max = spec.path("maxReplicas").asInt();
            assertTrue(min >= 2 && max > min, name + ": " + min + ".." + max);
            List<JsonNode> metrics =
                    NetworkPolicies.stream(spec.path("metrics")).toList();
            assertTrue(
                    metrics.stream()
                            .anyMatch(m -> m.path("type").asText().equals("Resource")
                                    && m.path("resource").path("name").asText().equals("cpu")
                                    && m.path("resource")
                                                    .path("target")
                                                    .path("averageUtilization")
                                                    .asInt()
                                            > 0),
                    name + ": a CPU metric");
            assertTrue(
                    metrics.stream()
                            .anyMatch(m -> m.path("type").asText().equals("Pods")
                                    && m.path("pods")
                                            .path("metric")
                                            .path("name")
                                            .asText()
                                            .contains("requests")
                                    && !m.path("pods")
                                            .path("target")
                                            .path("averageValue")
                                            .asText()
                                            .isBlank()),
                    name + ": a request-rate Pods metric");
        });
    }

    @ParameterizedTest(name = "{0} values")
    @MethodSource("valueSets")
    void onlyGatewaysTheConsoleAndPrometheusReachTheDecisionPort(String label, Path values) {
        Manifests manifests = render(values);
        NetworkPolicies policies = NetworkPolicies.of(manifests, NAMESPACE);
        JsonNode entitlement = manifests.byName("Deployment").get("entitlement-service");
        Map<String, String> target = podLabels(entitlement);
        int port = Project.port("entitlement-service");
        String portName = "http";

        Map<String, Boolean> expected = new TreeMap<>();
        Map<String, Pod> pods = new TreeMap<>();
        pods.put("a gateway pod elsewhere", Pod.in("edge", Map.of(GATEWAY_LABEL, "gateway", "app", "envoy")));
        pods.put(
                "a pod of a gateway namespace",
                new Pod("edge", Map.of(GATEWAY_LABEL, "gateway"), Map.of("app", "nginx")));
        pods.put(
                "the console",
                Pod.in(NAMESPACE, podLabels(manifests.byName("Deployment").get("console"))));
        pods.put("Prometheus", Pod.in("monitoring", Map.of("app.kubernetes.io/name", "prometheus")));
        pods.put(
                "identity-service",
                Pod.in(NAMESPACE, podLabels(manifests.byName("Deployment").get("identity-service"))));
        pods.put("a pod of the namespace", Pod.in(NAMESPACE, Map.of("app", "debug")));
        pods.put("the ingress controller", Pod.in("ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx")));
        pods.put("a pod labelled otherwise", Pod.in("edge", Map.of(GATEWAY_LABEL, "client")));
        pods.forEach((what, pod) -> expected.put(
                what,
                Set.of("a gateway pod elsewhere", "a pod of a gateway namespace", "the console", "Prometheus")
                        .contains(what)));
        Map<String, Boolean> actual = new TreeMap<>();
        pods.forEach((what, pod) -> actual.put(what, policies.admits(pod, target, port, portName)));
        assertEquals(expected, actual, "who reaches entitlement-service:" + port);

        // and structurally: every peer admitted to entitlement-service's pods is one of those, so a peer added
        // later that the sample pods above miss still fails here
        Map<String, String> console = podLabels(manifests.byName("Deployment").get("console"));
        manifests
                .ofKind("NetworkPolicy")
                .filter(p -> Manifests.selects(Manifests.labels(p.path("spec").path("podSelector")), target))
                .flatMap(p -> NetworkPolicies.stream(p.path("spec").path("ingress")))
                .forEach(rule -> {
                    assertFalse(
                            rule.path("from").isMissingNode()
                                    || rule.path("from").isEmpty(),
                            "a rule open to all: " + rule);
                    NetworkPolicies.stream(rule.path("from")).forEach(peer -> {
                        Map<String, String> ns =
                                peer.has("namespaceSelector") ? Manifests.labels(peer.get("namespaceSelector")) : null;
                        Map<String, String> podSel =
                                peer.has("podSelector") ? Manifests.labels(peer.get("podSelector")) : null;
                        boolean gateway = "gateway".equals(ns == null ? null : ns.get(GATEWAY_LABEL))
                                || "gateway".equals(podSel == null ? null : podSel.get(GATEWAY_LABEL));
                        boolean theConsole =
                                ns == null && podSel != null && Manifests.selects(podSel, console) && !podSel.isEmpty();
                        boolean prometheus = ns != null
                                && !ns.isEmpty()
                                && podSel != null
                                && "prometheus".equals(podSel.get("app.kubernetes.io/name"));
                        assertTrue(gateway || theConsole || prometheus, "entitlement-service admits " + peer);
                    });
                });
    }

    @ParameterizedTest(name = "{0} values")
    @MethodSource("valueSets")
    void everyPodIsDeniedByDefaultAndReachesOnlyNamedPeers(String label, Path values) {
        Manifests manifests = render(values);
        NetworkPolicies policies = NetworkPolicies.of(manifests, NAMESPACE);
        Pod stranger = Pod.in("default", Map.of("app", "curl"));
        manifests.byName("Deployment").forEach((name, deployment) -> {
            Map<String, String> labels = podLabels(deployment);
            assertFalse(policies.admits(stranger, labels, Project.port(name), "http"), name + " admits a stranger");
            List<JsonNode> selecting = manifests
                    .ofKind("NetworkPolicy")
                    .filter(p ->
                            Manifests.selects(Manifests.labels(p.path("spec").path("podSelector")), labels))
                    .toList();
            assertTrue(
                    selecting.stream().anyMatch(p -> NetworkPolicies.types(p).contains("Egress")), name + ": egress");
            selecting.stream()
                    .flatMap(p -> NetworkPolicies.stream(p.path("spec").path("egress")))
                    .forEach(rule -> {
                        assertFalse(
                                rule.path("to").isMissingNode()
                                        || rule.path("to").isEmpty(),
                                name + ": egress to all");
                        assertFalse(
                                rule.path("ports").isMissingNode()
                                        || rule.path("ports").isEmpty(),
                                name + ": egress on all ports");
                    });
            Set<Integer> egressPorts = selecting.stream()
                    .flatMap(p -> NetworkPolicies.stream(p.path("spec").path("egress")))
                    .flatMap(rule -> NetworkPolicies.stream(rule.path("ports")))
                    .map(p -> p.path("port").asInt())
                    .collect(Collectors.toSet());
            if (Project.database(name) != null) {
                assertTrue(egressPorts.contains(5432), name + ": PostgreSQL");
            }
            if (Project.prodProperties(name).containsKey("kafka.bootstrap.servers")) {
                assertTrue(egressPorts.contains(9092), name + ": Kafka");
            }
            assertTrue(egressPorts.contains(53), name + ": DNS");
        });
    }

    @ParameterizedTest(name = "{0} values")
    @MethodSource("valueSets")
    void tracingIsOffUnlessEnabled(String label, Path values) {
        render(values)
                .byName("Deployment")
                .forEach((name, deployment) -> assertFalse(
                        env(container(deployment)).containsKey("TIERGATE_OTEL_DISABLED"), name + " turns tracing on"));
    }

    @Test
    void enabledTracingExportsToTheCollectorAndMayReachIt() {
        Manifests manifests = Manifests.parse(new Helm(Project.CHART)
                .template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .set("tracing.enabled", "true")
                .set("tracing.otlpEndpoint", "http://otel-collector.monitoring.svc:4317")
                .call());
        Map<String, JsonNode> deployments = manifests.byName("Deployment");
        deployments.forEach((name, deployment) -> {
            Map<String, JsonNode> env = env(container(deployment));
            boolean traced = !name.equals("console");
            assertEquals(traced, env.containsKey("TIERGATE_OTEL_DISABLED"), name);
            if (traced) {
                assertEquals(
                        "false", env.get("TIERGATE_OTEL_DISABLED").path("value").asText(), name);
                assertEquals(
                        "http://otel-collector.monitoring.svc:4317",
                        env.get("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
                                .path("value")
                                .asText(),
                        name);
            }
            boolean reaches = manifests
                    .ofKind("NetworkPolicy")
                    .filter(p -> Manifests.selects(
                            Manifests.labels(p.path("spec").path("podSelector")), podLabels(deployment)))
                    .flatMap(p -> NetworkPolicies.stream(p.path("spec").path("egress")))
                    .flatMap(rule -> NetworkPolicies.stream(rule.path("ports")))
                    .anyMatch(port -> port.path("port").asInt() == 4317);
            assertEquals(traced, reaches, name + " may reach the collector");
        });
        assertTrue(deployments.size() >= 6, "deployments: " + deployments.keySet());
    }

    @Test
    void enabledTracingWithoutACollectorIsRefused() {
        Exception refused = assertThrows(
                Exception.class,
                () -> new Helm(Project.CHART)
                        .template()
                        .withName(RELEASE)
                        .set("tracing.enabled", "true")
                        .call());
        assertTrue(refused.getMessage().contains("tracing.otlpEndpoint"), refused::getMessage);
    }

    @ParameterizedTest(name = "{0} values")
    @MethodSource("valueSets")
    void eachEntitlementPodReadsTheProjectionTopicsInAGroupOfItsOwn(String label, Path values) {
        JsonNode group = env(container(render(values).byName("Deployment").get("entitlement-service")))
                .get("TIERGATE_PROJECTION_CONSUMER_GROUP");
        assertNotNull(group, "entitlement-service pods would share one group and each see a part of the subjects");
        assertEquals(
                "metadata.name",
                group.path("valueFrom").path("fieldRef").path("fieldPath").asText(),
                "the group is the pod's own name");
    }

    @ParameterizedTest(name = "{0} values")
    @MethodSource("valueSets")
    void theMostReplicasPoolsFitTheirDatabasesConnections(String label, Path values) {
        Manifests manifests = render(values);
        Map<String, JsonNode> hpas = manifests.byName("HorizontalPodAutoscaler");
        Map<String, Integer> maxConnections = new TreeMap<>();
        OperatorResourcesTest.OPERATORS
                .ofKind("Cluster")
                .forEach(c -> maxConnections.put(
                        c.path("spec")
                                .path("bootstrap")
                                .path("initdb")
                                .path("database")
                                .asText(),
                        c.path("spec")
                                .path("postgresql")
                                .path("parameters")
                                .path("max_connections")
                                .asInt(100)));
        manifests.byName("Deployment").forEach((name, deployment) -> {
            String database = Project.database(name);
            if (database == null) {
                return;
            }
            int replicas = hpas.containsKey(name)
                    ? hpas.get(name).path("spec").path("maxReplicas").asInt()
                    : deployment.path("spec").path("replicas").asInt(1);
            JsonNode pool = env(container(deployment)).get("QUARKUS_DATASOURCE_JDBC_MAX_SIZE");
            int perPod = pool == null
                    ? QUARKUS_DEFAULT_POOL
                    : Integer.parseInt(pool.path("value").asText());
            int limit = maxConnections.getOrDefault(database, 100) - RESERVED_CONNECTIONS;
            assertTrue(
                    replicas * perPod <= limit,
                    name + ": " + replicas + " replicas x " + perPod + " connections > " + limit + " of " + database);
        });
    }

    private static void assertProbe(String name, JsonNode container, String probe, String path, int port) {
        JsonNode get = container.path(probe).path("httpGet");
        assertEquals(path, get.path("path").asText(), name + ": " + probe);
        JsonNode probePort = get.path("port");
        Map<String, Integer> ports = containerPorts(container);
        int resolved = probePort.isInt() ? probePort.asInt() : ports.getOrDefault(probePort.asText(), -1);
        assertEquals(port, resolved, name + ": " + probe + " port");
    }

    private static void volumesAreEmptyDirs(String name, JsonNode pod, JsonNode container) {
        Map<String, JsonNode> volumes = new TreeMap<>();
        pod.path("volumes").forEach(v -> volumes.put(v.path("name").asText(), v));
        container.path("volumeMounts").forEach(m -> {
            JsonNode volume = volumes.get(m.path("name").asText());
            assertNotNull(volume, name + ": mount of an undeclared volume " + m);
            assertTrue(volume.has("emptyDir"), name + ": " + volume);
        });
    }

    static JsonNode container(JsonNode deployment) {
        return deployment
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0);
    }

    static Map<String, String> podLabels(JsonNode deployment) {
        return Manifests.labels(
                deployment.path("spec").path("template").path("metadata").path("labels"));
    }

    static List<String> selected(Map<String, JsonNode> deployments, Map<String, String> selector) {
        return deployments.entrySet().stream()
                .filter(e -> Manifests.selects(selector, podLabels(e.getValue())))
                .map(Map.Entry::getKey)
                .toList();
    }

    static Map<String, Integer> containerPorts(JsonNode container) {
        Map<String, Integer> ports = new TreeMap<>();
        container
                .path("ports")
                .forEach(p -> ports.put(
                        p.path("name").asText(), p.path("containerPort").asInt()));
        return ports;
    }

    static Map<String, JsonNode> env(JsonNode container) {
        Map<String, JsonNode> env = new TreeMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e));
        return env;
    }

    static List<String> mountPaths(JsonNode container) {
        return NetworkPolicies.stream(container.path("volumeMounts"))
                .map(m -> m.path("mountPath").asText())
                .toList();
    }
}
