package io.tiergate.tier.grant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An officer's direct grant of a one-approval tier, to a person ({@code subject}, a Keycloak {@code sub}) or to an
 * organization ({@code organizationId}): exactly one of the two. Without {@code expiresAt} the tier's default applies.
 */
public record GrantRequest(
        @Size(max = 100) String subject,
        UUID organizationId,
        @NotNull Tier tier,
        @NotBlank @Size(max = 2000) String justification,
        @Size(max = 2000) String intendedUse,
        OffsetDateTime expiresAt) {}
