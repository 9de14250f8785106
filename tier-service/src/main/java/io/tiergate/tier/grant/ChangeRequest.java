package io.tiergate.tier.grant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The reason an officer gives for revoking, suspending or reinstating a grant. */
public record ChangeRequest(@NotBlank @Size(max = 2000) String reason) {}
