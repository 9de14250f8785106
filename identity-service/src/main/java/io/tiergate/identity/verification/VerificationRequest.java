package io.tiergate.identity.verification;

import io.tiergate.commons.country.CountryCode;
import io.tiergate.commons.country.IsoCountries;
import io.tiergate.identity.document.DocumentEvidence;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * The identity claims a customer submits. Country codes are ISO 3166-1 alpha-2; this API has always taken them in
 * either case and with surrounding spaces, so the constructor strips and upper-cases them before they are validated
 * ({@link CountryCode} takes the upper-case ISO form only). The document and the contact and device data are
 * optional; when given, they are checked (document) and fingerprinted for duplicate detection.
 */
public record VerificationRequest(
        @NotBlank @Size(max = 200) @PersonName String givenName,
        @NotBlank @Size(max = 200) @PersonName String familyName,
        @NotNull @Past LocalDate dateOfBirth,
        @NotEmpty @Size(max = 5) List<@NotBlank @CountryCode String> nationalities,
        @NotBlank @CountryCode String residenceCountry,
        @Valid DocumentEvidence document,
        @Email @Size(max = 254) String email,
        @Size(max = 32) String phone,
        @Size(max = 128) String deviceId,
        @Size(max = 128) String paymentFingerprint) {

    public VerificationRequest {
        nationalities = nationalities == null
                ? null
                : nationalities.stream().map(VerificationRequest::country).toList();
        residenceCountry = country(residenceCountry);
    }

    private static String country(String code) {
        return code == null ? null : IsoCountries.upperCase(code.strip());
    }

    /** The claims only, as the rules and screening see them. */
    public VerificationRequest withClaims(
            String givenName, String familyName, List<String> nationalities, String residenceCountry) {
        return new VerificationRequest(
                givenName,
                familyName,
                dateOfBirth,
                nationalities,
                residenceCountry,
                document,
                email,
                phone,
                deviceId,
                paymentFingerprint);
    }
}
