package io.tiergate.tier.requirement;

import java.util.List;

/** One requirement of a tier; {@code organizationKinds} only applies to ORGANIZATION_MEMBER. */
public record Requirement(RequirementKind kind, List<String> organizationKinds) {

    public Requirement {
        organizationKinds = organizationKinds == null ? List.of() : List.copyOf(organizationKinds);
    }
}
