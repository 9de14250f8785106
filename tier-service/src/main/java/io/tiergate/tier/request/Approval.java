package io.tiergate.tier.request;

import jakarta.validation.constraints.Size;

/** An officer's approval, with an optional comment. */
public record Approval(@Size(max = 2000) String comment) {}
