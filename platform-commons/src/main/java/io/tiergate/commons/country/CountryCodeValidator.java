package io.tiergate.commons.country;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** {@link CountryCode}'s check: null, or a code {@link IsoCountries#isAlpha2} knows. */
public class CountryCodeValidator implements ConstraintValidator<CountryCode, String> {

    @Override
    public boolean isValid(String code, ConstraintValidatorContext context) {
        return code == null || IsoCountries.isAlpha2(code);
    }
}
