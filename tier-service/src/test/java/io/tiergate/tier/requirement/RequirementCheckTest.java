package io.tiergate.tier.requirement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiergate.tier.grant.Tier;
import io.tiergate.tier.identity.KnownOrganization;
import io.tiergate.tier.identity.VerifiedIdentity;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The bundled tier requirements checked against identities and organizations built in memory. */
class RequirementCheckTest {

    private static final TierRequirements REQUIREMENTS = new TierRequirements(new ObjectMapper(), Optional.empty());

    private static TierPolicy policy(Tier tier) {
        return REQUIREMENTS.policy(tier);
    }

    private static VerifiedIdentity identity(String status, String residence, String... nationalities) {
        VerifiedIdentity identity = new VerifiedIdentity();
        identity.subject = "alice";
        identity.status = status;
        identity.residenceCountry = residence;
        identity.nationalities = List.of(nationalities);
        return identity;
    }

    private static VerifiedIdentity verified(String residence, String... nationalities) {
        return identity(VerifiedIdentity.VERIFIED, residence, nationalities);
    }

    private static KnownOrganization organization(String kind, String status, String country) {
        KnownOrganization organization = new KnownOrganization();
        organization.id = UUID.randomUUID();
        organization.kind = kind;
        organization.status = status;
        organization.countryOfIncorporation = country;
        return organization;
    }

    private static List<RequirementKind> unmet(List<UnmetRequirement> unmet) {
        return unmet.stream().map(UnmetRequirement::requirement).toList();
    }

    @Test
    void publicNeedsOnlyAVerifiedIdentity() {
        assertEquals(
                List.of(), RequirementCheck.person(policy(Tier.PUBLIC), verified("DE", "DE"), List.of(), null, true));
        assertEquals(
                List.of(RequirementKind.IDENTITY_VERIFIED),
                unmet(RequirementCheck.person(
                        policy(Tier.PUBLIC), identity("REVOKED", "DE", "DE"), List.of(), null, true)));
        assertEquals(
                List.of(RequirementKind.IDENTITY_VERIFIED),
                unmet(RequirementCheck.person(policy(Tier.PUBLIC), null, List.of(), null, true)),
                "nothing known of the person");
    }

    @Test
    void enterpriseNeedsAVerifiedCompany() {
        KnownOrganization company = organization("COMPANY", KnownOrganization.VERIFIED, "DE");
        KnownOrganization pendingCompany = organization("COMPANY", "IN_REVIEW", "DE");
        KnownOrganization institute = organization("RESEARCH_INSTITUTION", KnownOrganization.VERIFIED, "DE");

        assertEquals(
                List.of(),
                RequirementCheck.person(
                        policy(Tier.ENTERPRISE), verified("DE", "DE"), List.of(institute, company), null, true));
        List<UnmetRequirement> unmet = RequirementCheck.person(
                policy(Tier.ENTERPRISE), verified("DE", "DE"), List.of(pendingCompany, institute), null, true);
        assertEquals(List.of(RequirementKind.ORGANIZATION_MEMBER), unmet(unmet));
        assertTrue(unmet.get(0).detail().contains("company"), unmet.get(0).detail());
    }

    @Test
    void researchNeedsAnInstituteAndAnIntendedUseWhenRequested() {
        KnownOrganization institute = organization("RESEARCH_INSTITUTION", KnownOrganization.VERIFIED, "FR");
        TierPolicy research = policy(Tier.RESEARCH);

        assertEquals(
                List.of(RequirementKind.INTENDED_USE_STATED),
                unmet(RequirementCheck.person(research, verified("DE", "DE"), List.of(institute), "  ", true)));
        assertEquals(
                List.of(),
                RequirementCheck.person(research, verified("DE", "DE"), List.of(institute), "protein folding", true));
        assertEquals(
                List.of(),
                RequirementCheck.person(research, verified("DE", "DE"), List.of(institute), null, false),
                "a member inheriting a grant is not asked for the request's intended use");
    }

    @Test
    void everyUnmetRequirementIsNamedAtOnce() {
        assertEquals(
                List.of(
                        RequirementKind.IDENTITY_VERIFIED,
                        RequirementKind.ORGANIZATION_MEMBER,
                        RequirementKind.INTENDED_USE_STATED),
                unmet(RequirementCheck.person(policy(Tier.RESEARCH), null, List.of(), null, true)));
    }

    @Test
    void governmentNeedsNationalityAndResidenceOfTheQualifyingAgencysCountry() {
        KnownOrganization agency = organization("GOVERNMENT_AGENCY", KnownOrganization.VERIFIED, "US");
        TierPolicy government = policy(Tier.GOVERNMENT);

        assertEquals(
                List.of(),
                RequirementCheck.person(government, verified("US", "DE", "US"), List.of(agency), null, true));
        assertEquals(
                List.of(RequirementKind.NATIONALITY_OF_ORGANIZATION_COUNTRY),
                unmet(RequirementCheck.person(government, verified("US", "DE"), List.of(agency), null, true)));
        assertEquals(
                List.of(RequirementKind.RESIDENCE_IN_ORGANIZATION_COUNTRY),
                unmet(RequirementCheck.person(government, verified("DE", "US"), List.of(agency), null, true)));
    }

    @Test
    void nationalityCountsOnlyForAnOrganizationThatQualifies() {
        // a verified US company does not make a US national qualify through a German agency
        KnownOrganization company = organization("COMPANY", KnownOrganization.VERIFIED, "US");
        KnownOrganization agency = organization("GOVERNMENT_AGENCY", KnownOrganization.VERIFIED, "DE");
        KnownOrganization unverifiedAgency = organization("GOVERNMENT_AGENCY", "IN_REVIEW", "US");

        assertEquals(
                List.of(
                        RequirementKind.NATIONALITY_OF_ORGANIZATION_COUNTRY,
                        RequirementKind.RESIDENCE_IN_ORGANIZATION_COUNTRY),
                unmet(RequirementCheck.person(
                        policy(Tier.GOVERNMENT),
                        verified("US", "US"),
                        List.of(company, agency, unverifiedAgency),
                        null,
                        true)));
    }

    @Test
    void anOrganizationMustItselfBeAVerifiedOrganizationOfTheRightKind() {
        TierPolicy research = policy(Tier.RESEARCH);

        assertEquals(
                List.of(),
                RequirementCheck.organization(
                        research,
                        organization("RESEARCH_INSTITUTION", KnownOrganization.VERIFIED, "DE"),
                        "vaccine research"));
        assertEquals(
                List.of(RequirementKind.ORGANIZATION_MEMBER),
                unmet(RequirementCheck.organization(
                        research, organization("COMPANY", KnownOrganization.VERIFIED, "DE"), "vaccine research")));
        assertEquals(
                List.of(RequirementKind.ORGANIZATION_MEMBER),
                unmet(RequirementCheck.organization(
                        research, organization("RESEARCH_INSTITUTION", "REJECTED", "DE"), "vaccine research")));
        assertEquals(
                List.of(RequirementKind.ORGANIZATION_MEMBER, RequirementKind.INTENDED_USE_STATED),
                unmet(RequirementCheck.organization(research, null, null)));
    }

    @Test
    void anOrganizationIsNotAskedForThePersonalRequirements() {
        // nationality and residence are checked for each member who inherits the grant
        assertEquals(
                List.of(),
                RequirementCheck.organization(
                        policy(Tier.GOVERNMENT),
                        organization("GOVERNMENT_AGENCY", KnownOrganization.VERIFIED, "US"),
                        null));
    }
}
