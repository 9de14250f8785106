package io.tiergate.tier.grant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record RevocationRequest(@NotBlank @Size(max = 2000) String reason) {
}
