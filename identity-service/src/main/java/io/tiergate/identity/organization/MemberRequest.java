package io.tiergate.identity.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Whom to add to an organization: a Keycloak subject ({@code sub}) and the role they get. */
public record MemberRequest(
        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = "[^\\s\\p{Cc}]*", message = "must not contain whitespace or control characters")
        String subject,

        @NotNull MemberRole role) {}
