package io.tiergate.entitlement.policy;

import java.util.Set;

/** The policy settings a compiler under test needs: the seed's defaults, with the countries of concern given. */
record TestPolicyConfig(Set<String> countriesOfConcern) implements PolicyConfig {

    @Override
    public String seed() {
        return "policy/seed-policy.json";
    }

    @Override
    public String reloadEvery() {
        return "5s";
    }
}
