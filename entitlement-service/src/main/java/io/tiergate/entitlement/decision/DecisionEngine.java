package io.tiergate.entitlement.decision;

import io.tiergate.entitlement.policy.CapabilityPolicy;
import io.tiergate.entitlement.policy.Entitlement;
import io.tiergate.entitlement.projection.SubjectState;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Decides from the in-memory projection and the published policy alone: no I/O, no call to another
 * service. Anything unknown is denied; any matching entitlement whose constraints hold allows.
 */
@ApplicationScoped
public class DecisionEngine {

    public Decision decide(CapabilityPolicy policy, SubjectState subject, String capability, String jurisdiction) {
        List<Entitlement> entitlements = policy.entitlementsOf(capability);
        if (entitlements.isEmpty()) {
            return deny(policy, new Reason(Reason.UNKNOWN_CAPABILITY, "capability " + capability + " is not in the catalogue"));
        }
        if (subject == null || !subject.isVerified()) {
            return deny(policy, new Reason(Reason.IDENTITY_NOT_VERIFIED, "the subject has no verified identity"));
        }
        Set<String> tiers = subject.activeTiers();
        if (tiers.isEmpty()) {
            return deny(policy, new Reason(Reason.NO_ACTIVE_TIER, "the subject holds no active tier"));
        }
        List<Reason> firstRefusal = null;
        for (Entitlement entitlement : entitlements) {
            String tier = tiers.stream().filter(entitlement.tiers()::contains).findFirst().orElse(null);
            if (tier == null) {
                continue;
            }
            List<Reason> violations = violations(entitlement, subject, jurisdiction);
            if (violations.isEmpty()) {
                return new Decision(Decision.Verdict.ALLOW,
                        List.of(new Reason(Reason.ENTITLED, "tier " + tier + " entitles " + capability)),
                        policy.version(), UUID.randomUUID());
            }
            if (firstRefusal == null) {
                firstRefusal = violations;
            }
        }
        if (firstRefusal == null) {
            return deny(policy, new Reason(Reason.TIER_NOT_ENTITLED,
                    "capability " + capability + " is not entitled to tiers " + tiers));
        }
        return new Decision(Decision.Verdict.DENY, firstRefusal, policy.version(), UUID.randomUUID());
    }

    public Decision deny(CapabilityPolicy policy, Reason reason) {
        return new Decision(Decision.Verdict.DENY, List.of(reason), policy.version(), UUID.randomUUID());
    }

    private static List<Reason> violations(Entitlement entitlement, SubjectState subject, String jurisdiction) {
        List<Reason> reasons = new ArrayList<>(2);
        Set<String> nationalities = subject.nationalities();
        if (!Collections.disjoint(entitlement.deniedNationalities(), nationalities)) {
            reasons.add(new Reason(Reason.NATIONALITY_DENIED, "a nationality of the subject is denied for this capability"));
        }
        if (!entitlement.allowedNationalities().isEmpty()
                && Collections.disjoint(entitlement.allowedNationalities(), nationalities)) {
            reasons.add(new Reason(Reason.NATIONALITY_NOT_ALLOWED,
                    "the capability is limited to nationals of " + entitlement.allowedNationalities()));
        }
        if (entitlement.constrainsJurisdiction()) {
            if (jurisdiction == null) {
                reasons.add(new Reason(Reason.JURISDICTION_REQUIRED,
                        "the capability is jurisdiction-restricted and the request named none"));
            } else if (entitlement.deniedJurisdictions().contains(jurisdiction)) {
                reasons.add(new Reason(Reason.JURISDICTION_DENIED, "jurisdiction " + jurisdiction + " is denied"));
            } else if (!entitlement.allowedJurisdictions().isEmpty()
                    && !entitlement.allowedJurisdictions().contains(jurisdiction)) {
                reasons.add(new Reason(Reason.JURISDICTION_NOT_ALLOWED,
                        "the capability is limited to jurisdictions " + entitlement.allowedJurisdictions()));
            }
        }
        return reasons;
    }
}
