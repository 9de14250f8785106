package io.tiergate.tier.grant;

import io.tiergate.commons.problem.ApiProblem;
import io.tiergate.tier.identity.OrganizationMembership;
import java.util.UUID;

/**
 * Conflicts of interest, checked on officers' Keycloak subjects so that one person holding two roles counts once:
 * nobody decides about themselves or about an organization they belong to.
 */
public final class OfficerConflicts {

    private OfficerConflicts() {}

    public static void check(String officer, String holder, HolderKind holderKind) {
        if (holderKind == HolderKind.SUBJECT) {
            if (officer.equals(holder)) {
                throw ApiProblem.forbidden("SELF_DECISION_FORBIDDEN", "an officer cannot decide about their own tier");
            }
            for (UUID organization : OrganizationMembership.organizationsOf(holder)) {
                if (OrganizationMembership.isMember(officer, organization)) {
                    throw ApiProblem.forbidden(
                            "OWN_ORGANIZATION_FORBIDDEN",
                            "the officer belongs to organization " + organization + " of the subject");
                }
            }
        } else if (OrganizationMembership.isMember(officer, UUID.fromString(holder))) {
            throw ApiProblem.forbidden("OWN_ORGANIZATION_FORBIDDEN", "the officer belongs to organization " + holder);
        }
    }
}
