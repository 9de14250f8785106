package io.tiergate.identity.verification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** The identity claims a customer submits. Country codes are ISO 3166-1 alpha-2. */
public record VerificationRequest(
        @NotBlank @Size(max = 200) String givenName,
        @NotBlank @Size(max = 200) String familyName,
        @NotNull LocalDate dateOfBirth,
        @NotEmpty @Size(max = 5) List<@NotBlank @Size(min = 2, max = 2) String> nationalities,
        @NotBlank @Size(min = 2, max = 2) String residenceCountry) {
}
