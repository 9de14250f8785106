package io.tiergate.commons.country;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiergate.commons.testing.Violations;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one ISO 3166-1 alpha-2 list and its constraint: upper case only, null passes, type arguments too. */
class IsoCountriesTest {

    record Claims(@CountryCode String residence, List<@CountryCode String> nationalities) {}

    @Test
    void theIsoFormIsUpperCase() {
        assertTrue(IsoCountries.isAlpha2("DE"));
        assertTrue(IsoCountries.isAlpha2("GB"));
        assertFalse(IsoCountries.isAlpha2("de"), "lower case is not the ISO form");
        assertFalse(IsoCountries.isAlpha2("UK"), "two letters that are no country");
        assertFalse(IsoCountries.isAlpha2("XX"));
        assertFalse(IsoCountries.isAlpha2("DEU"), "alpha-3");
        assertFalse(IsoCountries.isAlpha2(" DE"));
        assertFalse(IsoCountries.isAlpha2(""));
        assertFalse(IsoCountries.isAlpha2(null));
        assertTrue(IsoCountries.ALPHA2.size() > 240, "the whole list: " + IsoCountries.ALPHA2.size());
    }

    @Test
    void upperCasingTouchesOnlyAsciiLetters() {
        assertEquals("DE", IsoCountries.upperCase("de"));
        assertEquals("DE", IsoCountries.upperCase("dE"));
        assertEquals("ıT", IsoCountries.upperCase("ıt"), "a dotless i does not become the I of IT");
        assertFalse(IsoCountries.isAlpha2(IsoCountries.upperCase("ıt")));
        assertEquals(" US", IsoCountries.upperCase(" us"), "no stripping either");
        assertNull(IsoCountries.upperCase(null));
    }

    @Test
    void theConstraintTakesUpperCaseCodesAndNull() {
        assertEquals(Set.of(), Violations.validator().validate(new Claims("DE", List.of("US", "GB"))));
        assertEquals(Set.of(), Violations.validator().validate(new Claims(null, null)));
    }

    @Test
    void theConstraintRefusesLowerCaseAndUnknownCodesNamingTheField() {
        var violations = Violations.validator().validate(new Claims("de", List.of("US", "XX")));

        assertEquals(
                Set.of("residence", "nationalities[1].<list element>"),
                violations.stream()
                        .map(v -> v.getPropertyPath().toString())
                        .collect(java.util.stream.Collectors.toSet()));
        violations.forEach(v -> assertEquals("must be an ISO 3166-1 alpha-2 country code", v.getMessage()));
    }
}
