package io.tiergate.audit.shredding;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A GDPR Art. 17 erasure of a subject's personal data in the log. */
public record ErasureRequest(
        @NotBlank @Size(max = 100) String subject,
        @NotBlank @Size(max = 2000) String reason) {}
