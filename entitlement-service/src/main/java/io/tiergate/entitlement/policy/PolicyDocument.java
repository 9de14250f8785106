package io.tiergate.entitlement.policy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * A policy version as authored: the capability catalogue and, per capability, its entitlements. Stored as written;
 * {@link PolicyCompiler} checks it and expands it into the {@link CapabilityPolicy} decisions read.
 */
public record PolicyDocument(
        @NotBlank
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}", message = "letters, digits, '.', '_' and '-', at most 64")
        String version,

        @Size(max = 2000) String description,

        @NotNull @Size(max = PolicyCompiler.MAX_CAPABILITIES)
        Map<String, List<Entitlement>> capabilities) {}
