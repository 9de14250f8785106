package io.tiergate.identity.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tiergate.commons.testing.Violations;
import io.tiergate.identity.organization.OrganizationKind;
import io.tiergate.identity.organization.OrganizationRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The one country rule (platform-commons' CountryCode, upper-case ISO 3166-1 alpha-2) as the two identity APIs apply
 * it: verification claims have always been taken in either case and are upper-cased before validation; KYB has
 * always refused lower case and still does, with its own message.
 */
class CountryCodeCaseTest {

    private static VerificationRequest claims(String residence, List<String> nationalities) {
        return new VerificationRequest(
                "Anders", "Berg", LocalDate.of(1990, 4, 12), nationalities, residence, null, null, null, null, null);
    }

    @Test
    void verificationClaimsInLowerCaseOrWithSpacesAreUpperCasedBeforeValidation() {
        VerificationRequest claims = claims(" us ", List.of("US", "gb"));

        assertEquals("US", claims.residenceCountry());
        assertEquals(List.of("US", "GB"), claims.nationalities());
        assertEquals(Map.of(), Violations.of(claims));
    }

    @Test
    void verificationClaimsThatAreNoCountryAreRefusedNamingTheField() {
        assertEquals(
                Map.of("nationalities[1].<list element>", "must be an ISO 3166-1 alpha-2 country code"),
                Violations.of(claims("DE", List.of("DE", "XX"))));
        assertEquals(
                Set.of("residenceCountry"),
                Violations.of(claims("uk", List.of("DE"))).keySet(),
                "UK is not ISO's code for the United Kingdom");
        assertEquals(
                Set.of("residenceCountry"),
                Violations.of(claims("ıt", List.of("DE"))).keySet(),
                "only ASCII letters are upper-cased: a dotless i does not make IT");
    }

    @Test
    void organizationCountriesMustBeUpperCaseAsBefore() {
        OrganizationRequest lowerCase = new OrganizationRequest(
                "Northwind Trading AB",
                "556000-0001",
                "se",
                OrganizationKind.COMPANY,
                List.of(new OrganizationRequest.BeneficialOwner("Anna Berg", "SE", new BigDecimal("60"))),
                List.of(new OrganizationRequest.Representative("Anna Berg", "de")));

        assertEquals(
                Map.of(
                        "countryOfIncorporation",
                        "must be an upper-case ISO 3166-1 alpha-2 country code",
                        "representatives[0].nationality",
                        "must be an upper-case ISO 3166-1 alpha-2 country code"),
                Violations.of(lowerCase));
    }
}
