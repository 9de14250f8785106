package io.tiergate.tier.grant;

import io.tiergate.commons.problem.ApiProblem;
import java.util.UUID;

/** Who a grant or request is for: a person's Keycloak subject or an organization's id. */
public record Holder(String id, HolderKind kind) {

    /** Exactly one of the two must be given. */
    public static Holder of(String subject, UUID organizationId) {
        boolean person = subject != null && !subject.isBlank();
        if (person == (organizationId != null)) {
            throw ApiProblem.badRequest("HOLDER_REQUIRED", "give exactly one of subject and organizationId");
        }
        return person
                ? new Holder(subject.strip(), HolderKind.SUBJECT)
                : new Holder(organizationId.toString(), HolderKind.ORGANIZATION);
    }
}
