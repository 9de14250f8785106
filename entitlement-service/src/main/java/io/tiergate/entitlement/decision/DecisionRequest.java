package io.tiergate.entitlement.decision;

import io.tiergate.commons.country.CountryCode;
import io.tiergate.commons.country.IsoCountries;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A gateway's question: may this subject use this capability now? {@code consistencyToken}, when given,
 * is a write's {@code source:subject:version} (or several, comma-separated); the decision then waits,
 * bounded, until it reflects those writes.
 */
public record DecisionRequest(
        @NotBlank @Size(max = 100) String subject,
        @NotBlank @Size(max = 200) String capability,
        @Valid Context context,
        @Size(max = 1000) String consistencyToken) {

    /**
     * Facts of the request itself: the jurisdiction the gateway declares (ISO 3166-1 alpha-2) and the client's IP,
     * from which the service derives a country of its own. Gateways have always been able to send the jurisdiction
     * in lower case, so the constructor upper-cases it before validation ({@link CountryCode} takes the ISO form,
     * upper case, only).
     */
    public record Context(
            @CountryCode(message = "must be an ISO 3166-1 alpha-2 code")
            @Schema(pattern = "[A-Za-z]{2}", description = "ISO 3166-1 alpha-2, either case")
            String jurisdiction,

            @Size(max = 45, message = "must be an IPv4 or IPv6 address")
            String clientIp) {

        public Context {
            jurisdiction = IsoCountries.upperCase(jurisdiction);
        }

        public Context(String jurisdiction) {
            this(jurisdiction, null);
        }
    }

    /** The declared jurisdiction, upper case (as {@link Context} holds it), or null. */
    public String jurisdiction() {
        return context == null ? null : context.jurisdiction();
    }

    public String clientIp() {
        return context == null ? null : context.clientIp();
    }
}
