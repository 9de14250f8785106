package io.tiergate.identity.organization;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.tiergate.commons.country.CountryCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** What a customer submits for KYB. Country codes are upper-case ISO 3166-1 alpha-2. */
public record OrganizationRequest(
        @NotBlank @Size(max = 300) @Pattern(regexp = NO_CONTROL_CHARACTERS, message = NO_CONTROL_CHARACTERS_MESSAGE)
        String legalName,

        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = "[A-Za-z0-9./ -]*", message = "may contain only letters, digits, space, '.', '/' and '-'")
        String registrationNumber,

        @NotNull @CountryCode(message = UPPER_CASE_COUNTRY) String countryOfIncorporation,
        @NotNull OrganizationKind kind,
        // At least 25 % each: more than four cannot add up to a whole.
        @NotNull @Size(max = 4) List<@NotNull @Valid BeneficialOwner> beneficialOwners,
        @NotNull @Size(max = 20) List<@NotNull @Valid Representative> representatives) {

    /** This API has always taken country codes in upper case only, and said so. */
    static final String UPPER_CASE_COUNTRY = "must be an upper-case ISO 3166-1 alpha-2 country code";

    /** Any character except the Unicode control characters (C0, DEL, C1). */
    static final String NO_CONTROL_CHARACTERS = "\\P{Cc}*";

    static final String NO_CONTROL_CHARACTERS_MESSAGE = "must not contain control characters";

    public record BeneficialOwner(
            @NotBlank @Size(max = 300) @Pattern(regexp = NO_CONTROL_CHARACTERS, message = NO_CONTROL_CHARACTERS_MESSAGE)
            String name,

            @NotNull @CountryCode(message = UPPER_CASE_COUNTRY)
            String nationality,

            @NotNull @DecimalMin("25") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
            BigDecimal ownershipPercent) {}

    public record Representative(
            @NotBlank @Size(max = 300) @Pattern(regexp = NO_CONTROL_CHARACTERS, message = NO_CONTROL_CHARACTERS_MESSAGE)
            String name,

            @NotNull @CountryCode(message = UPPER_CASE_COUNTRY)
            String nationality) {}

    @JsonIgnore
    @AssertTrue(message = "beneficial owners cannot hold more than 100 percent in total")
    public boolean isBeneficialOwnershipWithinWhole() {
        return beneficialOwners == null
                || beneficialOwners.stream()
                                .filter(owner -> owner != null && owner.ownershipPercent() != null)
                                .map(BeneficialOwner::ownershipPercent)
                                .reduce(BigDecimal.ZERO, BigDecimal::add)
                                .compareTo(BigDecimal.valueOf(100))
                        <= 0;
    }
}
