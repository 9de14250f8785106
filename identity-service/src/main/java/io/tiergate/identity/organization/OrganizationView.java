package io.tiergate.identity.organization;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tiergate.identity.screening.ScreeningHit;
import io.tiergate.identity.verification.Reason;
import java.util.List;
import java.util.UUID;

/** What a caller sees of an organization: its registration, verdict and current members; never the people's names. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrganizationView(
        UUID id,
        String legalName,
        String registrationNumber,
        String countryOfIncorporation,
        OrganizationKind kind,
        OrganizationStatus status,
        List<Reason> reasons,
        List<Member> members,
        List<ScreeningHit> screeningHits,
        String consistencyToken) {

    public record Member(String subject, MemberRole role) {}

    static OrganizationView of(Organization organization, List<OrganizationMember> members, String consistencyToken) {
        return new OrganizationView(
                organization.id,
                organization.legalName,
                organization.registrationNumber,
                organization.countryOfIncorporation,
                organization.kind,
                organization.status,
                organization.reasons,
                members.stream().map(m -> new Member(m.subject, m.role)).toList(),
                null,
                consistencyToken);
    }

    /** As an officer or auditor sees it: with the screening hits that are the evidence of a review. */
    static OrganizationView withEvidence(
            Organization organization, List<OrganizationMember> members, String consistencyToken) {
        OrganizationView view = of(organization, members, consistencyToken);
        return new OrganizationView(
                view.id,
                view.legalName,
                view.registrationNumber,
                view.countryOfIncorporation,
                view.kind,
                view.status,
                view.reasons,
                view.members,
                organization.screeningHits,
                consistencyToken);
    }
}
