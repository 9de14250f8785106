package io.tiergate.identity.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An officer's decision on a case in review. */
public record ReviewDecision(
        @NotNull @Pattern(regexp = "VERIFIED|REJECTED", message = "must be VERIFIED or REJECTED")
        String outcome,

        @NotBlank @Size(max = 2000) String reason) {}
