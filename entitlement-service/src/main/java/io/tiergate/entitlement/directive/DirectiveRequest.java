package io.tiergate.entitlement.directive;

import io.tiergate.commons.country.CountryCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A directive as issued: which capability, the restriction (nationals of these countries only, these request
 * jurisdictions denied, or everything denied), why, until when, and whether it is a break-glass emergency.
 */
public record DirectiveRequest(
        @NotBlank
        @Size(max = 200)
        @Pattern(regexp = "\\*|[a-z0-9.-]+:(\\*|[a-z0-9.-]+)", message = "a capability, model:*, or *")
        String capability,

        @Size(max = 250) @Schema(description = COUNTRIES)
        List<@CountryCode(message = "ISO 3166-1 alpha-2") String> allowedNationalities,

        @Size(max = 250) @Schema(description = COUNTRIES)
        List<@CountryCode(message = "ISO 3166-1 alpha-2") String> deniedJurisdictions,

        Boolean denyAll,
        @NotBlank @Size(max = 2000) String reason,
        OffsetDateTime expiresAt,
        Boolean breakGlass) {

    static final String COUNTRIES = "ISO 3166-1 alpha-2 codes, upper case";
}
