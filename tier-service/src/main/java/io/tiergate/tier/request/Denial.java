package io.tiergate.tier.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record Denial(@NotBlank @Size(max = 2000) String reason) {}
