package io.tiergate.entitlement.jurisdiction;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Where a request comes from: the country the gateway declares, the country its IP maps to, and whether the IP lies
 * in a known hosting or VPN network. Either country may be unknown (null).
 */
public record RequestOrigin(String declared, String derived, boolean hostingNetwork, String network) {

    public static final RequestOrigin NONE = new RequestOrigin(null, null, false, null);

    public static RequestOrigin declared(String country) {
        return new RequestOrigin(country, null, false, null);
    }

    /**
     * Every country the request is known to come from, the declared one first; a constraint must hold for each. One
     * country or none, the common case, allocates no more than {@code Set.of} does.
     */
    public Set<String> countries() {
        if (declared == null) {
            return derived == null ? Set.of() : Set.of(derived);
        }
        if (derived == null || derived.equals(declared)) {
            return Set.of(declared);
        }
        Set<String> countries = new LinkedHashSet<>(4);
        countries.add(declared);
        countries.add(derived);
        return countries;
    }

    public boolean mismatched() {
        return declared != null && derived != null && !declared.equals(derived);
    }
}
