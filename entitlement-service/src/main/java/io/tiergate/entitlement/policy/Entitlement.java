package io.tiergate.entitlement.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * One row of a capability's entitlements: the tiers it is granted to, and the constraints under which it holds.
 * An empty allow-list means "no allow-list"; any denied value denies. Country sets may name
 * {@code @countries-of-concern}, expanded when the policy is compiled.
 *
 * @param maxVerificationAge     the subject's identity must have been verified within this long
 * @param onJurisdictionMismatch what a request whose declared and IP-derived countries disagree gets (default ALLOW,
 *                               the reason is always reported)
 * @param hostingNetworks        what a request from a known hosting or VPN network gets (default ALLOW, reported)
 * @param obligations            returned to the gateway with an ALLOW, e.g. {@code structured-output-only}
 * @param budgets                usage budgets over sliding windows, per subject or per organization
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Entitlement(
        Set<String> tiers,
        Set<String> allowedNationalities,
        Set<String> deniedNationalities,
        Set<String> allowedJurisdictions,
        Set<String> deniedJurisdictions,
        Set<String> allowedResidences,
        Set<String> deniedResidences,
        Duration maxVerificationAge,
        Rule onJurisdictionMismatch,
        Rule hostingNetworks,
        List<String> obligations,
        List<Budget> budgets) {

    /** What a flagged request gets. */
    public enum Rule {
        ALLOW,
        DENY
    }

    public Entitlement {
        tiers = copy(tiers);
        allowedNationalities = copy(allowedNationalities);
        deniedNationalities = copy(deniedNationalities);
        allowedJurisdictions = copy(allowedJurisdictions);
        deniedJurisdictions = copy(deniedJurisdictions);
        allowedResidences = copy(allowedResidences);
        deniedResidences = copy(deniedResidences);
        onJurisdictionMismatch = onJurisdictionMismatch == null ? Rule.ALLOW : onJurisdictionMismatch;
        hostingNetworks = hostingNetworks == null ? Rule.ALLOW : hostingNetworks;
        obligations = obligations == null ? List.of() : List.copyOf(obligations);
        budgets = budgets == null ? List.of() : List.copyOf(budgets);
    }

    public boolean constrainsJurisdiction() {
        return !allowedJurisdictions.isEmpty() || !deniedJurisdictions.isEmpty();
    }

    private static Set<String> copy(Set<String> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }
}
