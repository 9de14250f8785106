package io.tiergate.entitlement.decision;

import io.tiergate.entitlement.jurisdiction.RequestOrigin;
import io.tiergate.entitlement.policy.CapabilityPolicy;
import io.tiergate.entitlement.policy.Entitlement;
import io.tiergate.entitlement.projection.SubjectState;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides from the in-memory projection and a compiled policy alone: no I/O, no call to another service.
 * Anything unknown is denied; the first entitlement of the subject's tiers whose constraints all hold allows.
 */
@ApplicationScoped
public class DecisionEngine {

    /**
     * The engine's verdict before budgets and directives: the reasons, and when allowed, the entitlement and tier
     * that allowed.
     */
    public record Evaluation(boolean allowed, List<Reason> reasons, Entitlement entitlement, String tier) {

        static Evaluation deny(Reason reason) {
            return new Evaluation(false, List.of(reason), null, null);
        }
    }

    /** The ENTITLED reasons of one policy version, worked out once: capability, then tier, to its one reason. */
    private record Entitled(CapabilityPolicy policy, Map<String, Map<String, List<Reason>>> reasons) {}

    /** The last policy's; a what-if of another policy replaces it, and the next live decision puts it back. */
    private volatile Entitled entitled;

    public Evaluation evaluate(
            CapabilityPolicy policy,
            SubjectState subject,
            String capability,
            RequestOrigin origin,
            OffsetDateTime now) {
        List<Entitlement> entitlements = policy.entitlementsOf(capability);
        if (entitlements.isEmpty()) {
            return Evaluation.deny(
                    new Reason(Reason.UNKNOWN_CAPABILITY, "capability " + capability + " is not in the catalogue"));
        }
        if (subject == null) {
            return Evaluation.deny(new Reason(Reason.UNKNOWN_SUBJECT, "the subject is unknown to the projection"));
        }
        if (!subject.isVerified()) {
            return Evaluation.deny(new Reason(Reason.IDENTITY_NOT_VERIFIED, "the subject has no verified identity"));
        }
        Set<String> tiers = subject.activeTiers();
        if (tiers.isEmpty()) {
            return Evaluation.deny(new Reason(Reason.NO_ACTIVE_TIER, "the subject holds no active tier"));
        }
        List<Reason> firstRefusal = null;
        for (Entitlement entitlement : entitlements) {
            String tier = subject.tierAmong(entitlement.tiers());
            if (tier == null) {
                continue;
            }
            Findings findings = new Findings();
            violations(entitlement, subject, origin, now, findings);
            if (findings.violations == null) {
                if (findings.notes == null) { // the common ALLOW: its reason was made with the policy
                    return new Evaluation(true, entitledReasons(policy, capability, tier), entitlement, tier);
                }
                List<Reason> reasons = new ArrayList<>(1 + findings.notes.size());
                reasons.add(entitledReason(tier, capability));
                reasons.addAll(findings.notes);
                return new Evaluation(true, reasons, entitlement, tier);
            }
            if (firstRefusal == null) {
                List<Reason> violations = findings.violations;
                if (findings.notes != null) {
                    violations.addAll(findings.notes); // every reason, even those the policy lets pass
                }
                firstRefusal = violations;
            }
        }
        if (firstRefusal == null) {
            return Evaluation.deny(new Reason(
                    Reason.TIER_NOT_ENTITLED, "capability " + capability + " is not entitled to tiers " + tiers));
        }
        return new Evaluation(false, firstRefusal, null, null);
    }

    private static Reason entitledReason(String tier, String capability) {
        return new Reason(Reason.ENTITLED, "tier " + tier + " entitles " + capability);
    }

    /** {@code List.of(ENTITLED)} for the tier and capability, made once per policy version, not per decision. */
    private List<Reason> entitledReasons(CapabilityPolicy policy, String capability, String tier) {
        Entitled known = entitled;
        if (known == null || known.policy() != policy) {
            known = new Entitled(policy, entitledReasonsOf(policy));
            entitled = known;
        }
        Map<String, List<Reason>> byTier = known.reasons().get(capability);
        List<Reason> reasons = byTier == null ? null : byTier.get(tier);
        return reasons != null ? reasons : List.of(entitledReason(tier, capability));
    }

    static Map<String, Map<String, List<Reason>>> entitledReasonsOf(CapabilityPolicy policy) {
        Map<String, Map<String, List<Reason>>> reasons = new HashMap<>();
        policy.capabilities().forEach((capability, entitlements) -> {
            Map<String, List<Reason>> byTier = new HashMap<>();
            for (Entitlement entitlement : entitlements) {
                for (String tier : entitlement.tiers()) {
                    byTier.computeIfAbsent(tier, t -> List.of(entitledReason(t, capability)));
                }
            }
            reasons.put(capability, Map.copyOf(byTier));
        });
        return Map.copyOf(reasons);
    }

    /** What one entitlement finds: the constraints broken, and the facts reported; each list made when first needed. */
    private static final class Findings {
        List<Reason> violations;
        List<Reason> notes;

        void violation(Reason reason) {
            if (violations == null) {
                violations = new ArrayList<>(2);
            }
            violations.add(reason);
        }

        void note(Reason reason) {
            if (notes == null) {
                notes = new ArrayList<>(1);
            }
            notes.add(reason);
        }
    }

    /** Every constraint of the entitlement the subject or the request breaks, and the facts to report. */
    private static void violations(
            Entitlement entitlement, SubjectState subject, RequestOrigin origin, OffsetDateTime now, Findings found) {
        Set<String> nationalities = subject.nationalities();
        if (!Collections.disjoint(entitlement.deniedNationalities(), nationalities)) {
            found.violation(new Reason(
                    Reason.NATIONALITY_DENIED, "a nationality of the subject is denied for this capability"));
        }
        if (!entitlement.allowedNationalities().isEmpty()
                && Collections.disjoint(entitlement.allowedNationalities(), nationalities)) {
            found.violation(new Reason(
                    Reason.NATIONALITY_NOT_ALLOWED,
                    "the capability is limited to nationals of " + entitlement.allowedNationalities()));
        }
        String residence = subject.residenceCountry();
        if (residence != null && entitlement.deniedResidences().contains(residence)) {
            found.violation(new Reason(Reason.RESIDENCE_DENIED, "the subject's country of residence is denied"));
        }
        if (!entitlement.allowedResidences().isEmpty()
                && (residence == null || !entitlement.allowedResidences().contains(residence))) {
            found.violation(new Reason(
                    Reason.RESIDENCE_NOT_ALLOWED,
                    "the capability is limited to residents of " + entitlement.allowedResidences()));
        }
        if (entitlement.maxVerificationAge() != null
                && (subject.verifiedAt() == null
                        || expired(subject.verifiedAt(), entitlement.maxVerificationAge(), now))) {
            found.violation(new Reason(
                    Reason.VERIFICATION_TOO_OLD,
                    "the identity must have been verified within " + entitlement.maxVerificationAge()
                            + "; verify again"));
        }
        jurisdiction(entitlement, origin, found);
    }

    /**
     * {@code verifiedAt.plus(maxAge).isBefore(now)}, compared as instants (as {@code isBefore} does) without building
     * the sum.
     */
    static boolean expired(OffsetDateTime verifiedAt, Duration maxAge, OffsetDateTime now) {
        long seconds = verifiedAt.toEpochSecond() + maxAge.getSeconds();
        long nanos = (long) verifiedAt.getNano() + maxAge.getNano();
        if (nanos >= 1_000_000_000L) {
            seconds++;
            nanos -= 1_000_000_000L;
        }
        long nowSeconds = now.toEpochSecond();
        return seconds < nowSeconds || (seconds == nowSeconds && nanos < now.getNano());
    }

    private static void jurisdiction(Entitlement entitlement, RequestOrigin origin, Findings found) {
        if (entitlement.constrainsJurisdiction()) {
            Set<String> countries = origin.countries();
            if (countries.isEmpty()) {
                found.violation(new Reason(
                        Reason.JURISDICTION_REQUIRED,
                        "the capability is jurisdiction-restricted and the request's jurisdiction is unknown"));
            }
            // both the declared and the IP-derived country must pass: neither can launder the other
            for (String country : countries) {
                if (entitlement.deniedJurisdictions().contains(country)) {
                    found.violation(new Reason(Reason.JURISDICTION_DENIED, "jurisdiction " + country + " is denied"));
                } else if (!entitlement.allowedJurisdictions().isEmpty()
                        && !entitlement.allowedJurisdictions().contains(country)) {
                    found.violation(new Reason(
                            Reason.JURISDICTION_NOT_ALLOWED,
                            "jurisdiction " + country + " is not among " + entitlement.allowedJurisdictions()));
                }
            }
        }
        if (origin.mismatched()) {
            Reason mismatch = new Reason(
                    Reason.JURISDICTION_MISMATCH,
                    "declared jurisdiction " + origin.declared() + " differs from " + origin.derived()
                            + " derived from the client IP");
            if (entitlement.onJurisdictionMismatch() == Entitlement.Rule.DENY) {
                found.violation(mismatch);
            } else {
                found.note(mismatch);
            }
        }
        if (origin.hostingNetwork()) {
            Reason hosting = new Reason(
                    Reason.HOSTING_NETWORK,
                    "the client IP lies in a known hosting or VPN network (" + origin.network() + ")");
            if (entitlement.hostingNetworks() == Entitlement.Rule.DENY) {
                found.violation(hosting);
            } else {
                found.note(hosting);
            }
        }
    }
}
