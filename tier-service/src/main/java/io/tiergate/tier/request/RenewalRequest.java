package io.tiergate.tier.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** Asks to extend a live grant; without {@code expiresAt} the tier's default validity counts from approval. */
public record RenewalRequest(@NotBlank @Size(max = 2000) String justification, OffsetDateTime expiresAt) {}
