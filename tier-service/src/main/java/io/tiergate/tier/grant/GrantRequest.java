package io.tiergate.tier.grant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An officer's grant of a tier to a subject (a Keycloak {@code sub}). */
public record GrantRequest(
        @NotBlank @Size(max = 100) String subject,
        @NotNull Tier tier,
        @NotBlank @Size(max = 2000) String justification) {
}
