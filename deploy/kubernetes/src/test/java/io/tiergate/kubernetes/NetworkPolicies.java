package io.tiergate.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes NetworkPolicy ingress semantics, enough to ask "does this pod reach that pod's port": a pod selected by
 * a policy of type Ingress admits only what one of those policies' rules admits (ports, then any peer); a peer with
 * a podSelector alone means the policy's namespace. matchExpressions are refused rather than misread.
 */
record NetworkPolicies(List<JsonNode> policies, String namespace) {

    /** A pod somewhere in the cluster. */
    record Pod(String namespace, Map<String, String> namespaceLabels, Map<String, String> labels) {

        static Pod in(String namespace, Map<String, String> labels) {
            return new Pod(namespace, Map.of("kubernetes.io/metadata.name", namespace), labels);
        }
    }

    static NetworkPolicies of(Manifests manifests, String namespace) {
        return new NetworkPolicies(manifests.ofKind("NetworkPolicy").toList(), namespace);
    }

    /** Whether {@code from} may open a connection to {@code port} (number, and the container's name for it). */
    boolean admits(Pod from, Map<String, String> targetLabels, int port, String portName) {
        List<JsonNode> selecting = policies.stream()
                .filter(p -> Manifests.selects(Manifests.labels(p.path("spec").path("podSelector")), targetLabels))
                .filter(p -> types(p).contains("Ingress"))
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream()
                .flatMap(p -> stream(p.path("spec").path("ingress")))
                .anyMatch(rule ->
                        portMatches(rule.path("ports"), port, portName) && peerMatches(rule.path("from"), from));
    }

    static List<String> types(JsonNode policy) {
        JsonNode types = policy.path("spec").path("policyTypes");
        if (types.isMissingNode()) {
            return policy.path("spec").has("egress") ? List.of("Ingress", "Egress") : List.of("Ingress");
        }
        return stream(types).map(JsonNode::asText).toList();
    }

    private static boolean portMatches(JsonNode ports, int port, String portName) {
        if (ports.isMissingNode() || ports.isEmpty()) {
            return true;
        }
        return stream(ports).anyMatch(p -> {
            JsonNode value = p.path("port");
            if (value.isMissingNode()) {
                return true;
            }
            return value.isInt() ? value.asInt() == port : value.asText().equals(portName);
        });
    }

    private boolean peerMatches(JsonNode peers, Pod from) {
        if (peers.isMissingNode() || peers.isEmpty()) {
            return true;
        }
        return stream(peers).anyMatch(peer -> {
            if (peer.has("ipBlock")) {
                return true; // an address range may hold any pod: counted as admitting
            }
            boolean namespaceOk = peer.has("namespaceSelector")
                    ? Manifests.selects(Manifests.labels(peer.get("namespaceSelector")), from.namespaceLabels())
                    : from.namespace().equals(namespace);
            boolean podOk = !peer.has("podSelector")
                    || Manifests.selects(Manifests.labels(peer.get("podSelector")), from.labels());
            return namespaceOk && podOk;
        });
    }

    static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
