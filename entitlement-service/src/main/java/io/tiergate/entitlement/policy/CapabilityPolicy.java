package io.tiergate.entitlement.policy;

import java.util.List;
import java.util.Map;

/** A compiled, immutable version of the capability catalogue and its per-tier entitlements, as decisions read it. */
public record CapabilityPolicy(String version, Map<String, List<Entitlement>> capabilities) {

    public CapabilityPolicy {
        capabilities = Map.copyOf(capabilities);
    }

    /** The entitlements of a capability; empty when the capability is unknown. */
    public List<Entitlement> entitlementsOf(String capability) {
        return capabilities.getOrDefault(capability, List.of());
    }
}
