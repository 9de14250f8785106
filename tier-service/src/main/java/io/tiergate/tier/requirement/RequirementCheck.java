package io.tiergate.tier.requirement;

import io.tiergate.tier.identity.KnownOrganization;
import io.tiergate.tier.identity.OrganizationMembership;
import io.tiergate.tier.identity.VerifiedIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Checks a tier's requirements against what tier-service knows from identity events, and names every unmet one.
 * Three questions: may a person hold the tier directly, may an organization hold it, and does a member of an
 * organization that holds it inherit it.
 */
@ApplicationScoped
public class RequirementCheck {

    /** A person asking for the tier directly: their own identity and any organization they belong to count. */
    public List<UnmetRequirement> forPerson(TierPolicy policy, String subject, String intendedUse) {
        List<KnownOrganization> organizations = OrganizationMembership.organizationsOf(subject).stream()
                .map(id -> KnownOrganization.<KnownOrganization>findById(id))
                .filter(Objects::nonNull)
                .toList();
        return person(policy, VerifiedIdentity.findById(subject), organizations, intendedUse, true);
    }

    /** A member inheriting an organization's grant: only that organization qualifies, the request was checked already. */
    public List<UnmetRequirement> forMember(TierPolicy policy, String subject, KnownOrganization organization) {
        return person(policy, VerifiedIdentity.findById(subject), List.of(organization), null, false);
    }

    /** An organization holding the tier: its own verification and kind; people are checked as they inherit. */
    public List<UnmetRequirement> forOrganization(TierPolicy policy, UUID organizationId, String intendedUse) {
        return organization(policy, KnownOrganization.findById(organizationId), intendedUse);
    }

    /** The organization's requirements, from what is known of it (null: nothing). */
    static List<UnmetRequirement> organization(TierPolicy policy, KnownOrganization organization, String intendedUse) {
        List<UnmetRequirement> unmet = new ArrayList<>();
        for (Requirement requirement : policy.requires()) {
            switch (requirement.kind()) {
                case ORGANIZATION_MEMBER -> {
                    if (organization == null
                            || !organization.verified()
                            || !requirement.organizationKinds().contains(organization.kind)) {
                        unmet.add(new UnmetRequirement(
                                requirement.kind(), "the organization must be a verified " + kinds(requirement)));
                    }
                }
                case INTENDED_USE_STATED -> intendedUse(intendedUse, unmet);
                default -> {
                    // identity, nationality and residence are checked for each member who inherits the grant
                }
            }
        }
        return unmet;
    }

    /**
     * A person's requirements, from their identity (null: none known) and the organizations they belong to;
     * {@code checkRequest} says whether the request itself (its intended use) is checked too.
     */
    static List<UnmetRequirement> person(
            TierPolicy policy,
            VerifiedIdentity identity,
            List<KnownOrganization> organizations,
            String intendedUse,
            boolean checkRequest) {
        List<UnmetRequirement> unmet = new ArrayList<>();
        // The organizations through which the person could qualify; nationality and residence refer to them.
        List<KnownOrganization> qualifying =
                organizations.stream().filter(KnownOrganization::verified).toList();
        for (Requirement requirement : policy.requires()) {
            if (requirement.kind() == RequirementKind.ORGANIZATION_MEMBER) {
                qualifying = qualifying.stream()
                        .filter(o -> requirement.organizationKinds().contains(o.kind))
                        .toList();
            }
        }
        for (Requirement requirement : policy.requires()) {
            switch (requirement.kind()) {
                case IDENTITY_VERIFIED -> {
                    if (identity == null || !identity.verified()) {
                        unmet.add(new UnmetRequirement(requirement.kind(), "the person has no verified identity"));
                    }
                }
                case ORGANIZATION_MEMBER -> {
                    if (qualifying.isEmpty()) {
                        unmet.add(new UnmetRequirement(
                                requirement.kind(), "the person must belong to a verified " + kinds(requirement)));
                    }
                }
                case INTENDED_USE_STATED -> {
                    if (checkRequest) {
                        intendedUse(intendedUse, unmet);
                    }
                }
                case NATIONALITY_OF_ORGANIZATION_COUNTRY -> {
                    boolean national = identity != null
                            && qualifying.stream()
                                    .anyMatch(o -> identity.nationalities.contains(o.countryOfIncorporation));
                    if (!national) {
                        unmet.add(new UnmetRequirement(
                                requirement.kind(),
                                "the person must be a national of the qualifying organization's country"));
                    }
                }
                case RESIDENCE_IN_ORGANIZATION_COUNTRY -> {
                    boolean resident = identity != null
                            && qualifying.stream()
                                    .anyMatch(o -> o.countryOfIncorporation.equals(identity.residenceCountry));
                    if (!resident) {
                        unmet.add(new UnmetRequirement(
                                requirement.kind(), "the person must reside in the qualifying organization's country"));
                    }
                }
            }
        }
        return unmet;
    }

    private static void intendedUse(String intendedUse, List<UnmetRequirement> unmet) {
        if (intendedUse == null || intendedUse.isBlank()) {
            unmet.add(new UnmetRequirement(RequirementKind.INTENDED_USE_STATED, "state the intended use"));
        }
    }

    private static String kinds(Requirement requirement) {
        return String.join(
                " or ",
                requirement.organizationKinds().stream()
                        .map(k -> k.toLowerCase().replace('_', ' '))
                        .toList());
    }
}
