package io.tiergate.identity.organization;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/** A membership after a change: {@code member} true with the role given, or false once left. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MembershipView(
        UUID organizationId, String subject, MemberRole role, boolean member, String consistencyToken) {

    static MembershipView joined(OrganizationMember membership, String consistencyToken) {
        return new MembershipView(
                membership.organizationId, membership.subject, membership.role, true, consistencyToken);
    }

    static MembershipView left(OrganizationMember membership, String consistencyToken) {
        return new MembershipView(membership.organizationId, membership.subject, null, false, consistencyToken);
    }
}
