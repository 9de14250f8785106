package io.tiergate.identity.organization;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tiergate.identity.verification.Reason;

import java.util.List;
import java.util.UUID;

/** What a caller sees of an organization: its registration, verdict and current members; never the people's names. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrganizationView(UUID id, String legalName, String registrationNumber, String countryOfIncorporation,
                               OrganizationKind kind, OrganizationStatus status, List<Reason> reasons,
                               List<Member> members, String consistencyToken) {

    public record Member(String subject, MemberRole role) {
    }

    static OrganizationView of(Organization organization, List<OrganizationMember> members, String consistencyToken) {
        return new OrganizationView(organization.id, organization.legalName, organization.registrationNumber,
                organization.countryOfIncorporation, organization.kind, organization.status, organization.reasons,
                members.stream().map(m -> new Member(m.subject, m.role)).toList(), consistencyToken);
    }
}
