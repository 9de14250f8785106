package io.tiergate.entitlement.usage;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A gateway's report of what an allowed request actually used: the tokens of the model call the decision allowed.
 * Also accepted as the data of a {@code tiergate.usage.reported} event on {@code tiergate.usage}.
 */
public record UsageReport(
        @NotNull UUID decisionId,
        @NotBlank @Size(max = 100) String subject,
        @NotBlank @Size(max = 200) String capability,
        @NotNull @PositiveOrZero @Max(100_000_000) Long tokens) {}
