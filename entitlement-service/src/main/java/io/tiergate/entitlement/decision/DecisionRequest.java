package io.tiergate.entitlement.decision;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;

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
     * from which the service derives a country of its own.
     */
    public record Context(
            @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
            String jurisdiction,

            @Size(max = 45, message = "must be an IPv4 or IPv6 address")
            String clientIp) {

        public Context(String jurisdiction) {
            this(jurisdiction, null);
        }
    }

    public String jurisdiction() {
        return context == null || context.jurisdiction() == null
                ? null
                : context.jurisdiction().toUpperCase(Locale.ROOT);
    }

    public String clientIp() {
        return context == null ? null : context.clientIp();
    }
}
