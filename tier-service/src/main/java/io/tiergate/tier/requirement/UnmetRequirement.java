package io.tiergate.tier.requirement;

import io.tiergate.commons.problem.Problem;

/** A requirement the holder does not meet, with what is missing in words. */
public record UnmetRequirement(RequirementKind requirement, String detail) {

    public Problem.Violation toViolation() {
        return new Problem.Violation(requirement.name(), detail);
    }
}
