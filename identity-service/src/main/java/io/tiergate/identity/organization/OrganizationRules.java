package io.tiergate.identity.organization;

import io.tiergate.identity.config.JurisdictionConfig;
import io.tiergate.identity.verification.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The KYB verdict rules for now: neither the country of incorporation nor any declared owner's or
 * representative's nationality is under embargo. Each failed rule is a reason; no reason means verified.
 * Sanctions screening of the named people comes later. Reasons name parties by position, never by name.
 */
@ApplicationScoped
public class OrganizationRules {

    public static final String EMBARGOED_INCORPORATION = "EMBARGOED_INCORPORATION";
    public static final String EMBARGOED_NATIONALITY = "EMBARGOED_NATIONALITY";

    @Inject
    JurisdictionConfig jurisdiction;

    public List<Reason> evaluate(OrganizationRequest organization) {
        Set<String> embargoed = jurisdiction.embargoedResidence();
        List<Reason> reasons = new ArrayList<>();
        if (embargoed.contains(organization.countryOfIncorporation())) {
            reasons.add(new Reason(
                    EMBARGOED_INCORPORATION,
                    "country of incorporation " + organization.countryOfIncorporation()
                            + " is under embargo (rule: embargoed-incorporation)"));
        }
        List<OrganizationRequest.BeneficialOwner> owners = organization.beneficialOwners();
        for (int i = 0; i < owners.size(); i++) {
            nationality(embargoed, "beneficial owner " + (i + 1), owners.get(i).nationality(), reasons);
        }
        List<OrganizationRequest.Representative> representatives = organization.representatives();
        for (int i = 0; i < representatives.size(); i++) {
            nationality(
                    embargoed,
                    "representative " + (i + 1),
                    representatives.get(i).nationality(),
                    reasons);
        }
        return reasons;
    }

    private static void nationality(Set<String> embargoed, String party, String nationality, List<Reason> reasons) {
        if (embargoed.contains(nationality)) {
            reasons.add(new Reason(
                    EMBARGOED_NATIONALITY,
                    party + " has nationality " + nationality
                            + ", which is under embargo (rule: embargoed-nationality)"));
        }
    }
}
