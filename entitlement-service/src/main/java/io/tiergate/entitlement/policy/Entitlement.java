package io.tiergate.entitlement.policy;

import java.util.Set;

/**
 * One row of the per-tier capability table: which tiers get the capability, and under which
 * nationality and jurisdiction constraints. An empty allow-list means "no allow-list".
 */
public record Entitlement(Set<String> tiers, Set<String> allowedNationalities, Set<String> deniedNationalities,
                          Set<String> allowedJurisdictions, Set<String> deniedJurisdictions) {

    public Entitlement {
        tiers = copy(tiers);
        allowedNationalities = copy(allowedNationalities);
        deniedNationalities = copy(deniedNationalities);
        allowedJurisdictions = copy(allowedJurisdictions);
        deniedJurisdictions = copy(deniedJurisdictions);
    }

    public boolean constrainsJurisdiction() {
        return !allowedJurisdictions.isEmpty() || !deniedJurisdictions.isEmpty();
    }

    private static Set<String> copy(Set<String> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }
}
