package io.tiergate.tier.requirement;

import java.time.Duration;
import java.util.List;

/** Per tier: how many distinct officers must approve, how long a grant lasts by default, and what it requires. */
public record TierPolicy(int approvals, Duration defaultValidity, List<Requirement> requires) {

    public TierPolicy {
        requires = List.copyOf(requires);
    }

    public boolean fourEyes() {
        return approvals >= 2;
    }
}
