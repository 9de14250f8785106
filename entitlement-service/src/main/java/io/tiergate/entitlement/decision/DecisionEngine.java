package io.tiergate.entitlement.decision;

import io.tiergate.entitlement.jurisdiction.RequestOrigin;
import io.tiergate.entitlement.policy.CapabilityPolicy;
import io.tiergate.entitlement.policy.Entitlement;
import io.tiergate.entitlement.projection.SubjectState;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
            List<Reason> notes = new ArrayList<>(1);
            List<Reason> violations = violations(entitlement, subject, origin, now, notes);
            if (violations.isEmpty()) {
                List<Reason> reasons = new ArrayList<>(1 + notes.size());
                reasons.add(new Reason(Reason.ENTITLED, "tier " + tier + " entitles " + capability));
                reasons.addAll(notes);
                return new Evaluation(true, reasons, entitlement, tier);
            }
            if (firstRefusal == null) {
                violations.addAll(notes); // every reason, even those the policy lets pass
                firstRefusal = violations;
            }
        }
        if (firstRefusal == null) {
            return Evaluation.deny(new Reason(
                    Reason.TIER_NOT_ENTITLED, "capability " + capability + " is not entitled to tiers " + tiers));
        }
        return new Evaluation(false, firstRefusal, null, null);
    }

    /** Every constraint of the entitlement the subject or the request breaks; {@code notes} get reported facts. */
    private static List<Reason> violations(
            Entitlement entitlement,
            SubjectState subject,
            RequestOrigin origin,
            OffsetDateTime now,
            List<Reason> notes) {
        List<Reason> reasons = new ArrayList<>(2);
        Set<String> nationalities = subject.nationalities();
        if (!Collections.disjoint(entitlement.deniedNationalities(), nationalities)) {
            reasons.add(new Reason(
                    Reason.NATIONALITY_DENIED, "a nationality of the subject is denied for this capability"));
        }
        if (!entitlement.allowedNationalities().isEmpty()
                && Collections.disjoint(entitlement.allowedNationalities(), nationalities)) {
            reasons.add(new Reason(
                    Reason.NATIONALITY_NOT_ALLOWED,
                    "the capability is limited to nationals of " + entitlement.allowedNationalities()));
        }
        String residence = subject.residenceCountry();
        if (residence != null && entitlement.deniedResidences().contains(residence)) {
            reasons.add(new Reason(Reason.RESIDENCE_DENIED, "the subject's country of residence is denied"));
        }
        if (!entitlement.allowedResidences().isEmpty()
                && (residence == null || !entitlement.allowedResidences().contains(residence))) {
            reasons.add(new Reason(
                    Reason.RESIDENCE_NOT_ALLOWED,
                    "the capability is limited to residents of " + entitlement.allowedResidences()));
        }
        if (entitlement.maxVerificationAge() != null
                && (subject.verifiedAt() == null
                        || subject.verifiedAt()
                                .plus(entitlement.maxVerificationAge())
                                .isBefore(now))) {
            reasons.add(new Reason(
                    Reason.VERIFICATION_TOO_OLD,
                    "the identity must have been verified within " + entitlement.maxVerificationAge()
                            + "; verify again"));
        }
        jurisdiction(entitlement, origin, reasons, notes);
        return reasons;
    }

    private static void jurisdiction(
            Entitlement entitlement, RequestOrigin origin, List<Reason> reasons, List<Reason> notes) {
        Set<String> countries = origin.countries();
        if (entitlement.constrainsJurisdiction()) {
            if (countries.isEmpty()) {
                reasons.add(new Reason(
                        Reason.JURISDICTION_REQUIRED,
                        "the capability is jurisdiction-restricted and the request's jurisdiction is unknown"));
            }
            // both the declared and the IP-derived country must pass: neither can launder the other
            for (String country : countries) {
                if (entitlement.deniedJurisdictions().contains(country)) {
                    reasons.add(new Reason(Reason.JURISDICTION_DENIED, "jurisdiction " + country + " is denied"));
                } else if (!entitlement.allowedJurisdictions().isEmpty()
                        && !entitlement.allowedJurisdictions().contains(country)) {
                    reasons.add(new Reason(
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
            (entitlement.onJurisdictionMismatch() == Entitlement.Rule.DENY ? reasons : notes).add(mismatch);
        }
        if (origin.hostingNetwork()) {
            Reason hosting = new Reason(
                    Reason.HOSTING_NETWORK,
                    "the client IP lies in a known hosting or VPN network (" + origin.network() + ")");
            (entitlement.hostingNetworks() == Entitlement.Rule.DENY ? reasons : notes).add(hosting);
        }
    }
}
