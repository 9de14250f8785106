package io.tiergate.tier.request;

import io.tiergate.tier.grant.Tier;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A request for a tier. A customer asks for themselves, or for an organization they belong to
 * ({@code organizationId}); an officer may file it for a person ({@code subject}) or an organization.
 */
public record NewTierRequest(
        @Size(max = 100) String subject,
        UUID organizationId,
        @NotNull Tier tier,
        @NotBlank @Size(max = 2000) String justification,
        @Size(max = 2000) String intendedUse,
        OffsetDateTime expiresAt) {}
