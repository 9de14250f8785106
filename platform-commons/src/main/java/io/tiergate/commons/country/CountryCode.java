package io.tiergate.commons.country;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An ISO 3166-1 alpha-2 country code of {@link IsoCountries}, upper case; null passes (add {@code @NotNull} or
 * {@code @NotBlank} where a code is required). Usable on fields, record components, parameters and type arguments
 * ({@code List<@CountryCode String>}). An API that also takes lower case upper-cases the value (
 * {@link IsoCountries#upperCase}) before validation, in its request record's constructor.
 */
@Documented
@Constraint(validatedBy = CountryCodeValidator.class)
@Target({
    ElementType.FIELD,
    ElementType.METHOD,
    ElementType.PARAMETER,
    ElementType.RECORD_COMPONENT,
    ElementType.TYPE_USE,
    ElementType.ANNOTATION_TYPE
})
@Retention(RetentionPolicy.RUNTIME)
public @interface CountryCode {

    String message() default "must be an ISO 3166-1 alpha-2 country code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
