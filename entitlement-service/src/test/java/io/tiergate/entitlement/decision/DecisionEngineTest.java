package io.tiergate.entitlement.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiergate.entitlement.jurisdiction.RequestOrigin;
import io.tiergate.entitlement.policy.CapabilityPolicy;
import io.tiergate.entitlement.policy.Entitlement;
import io.tiergate.entitlement.projection.SubjectState;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The engine alone: a compiled policy, a projected subject and a request origin in, a verdict with reasons out. */
class DecisionEngineTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 30, 12, 0, 0, 0, ZoneOffset.UTC);
    private static final String CHAT = "fable-5:chat";
    private static final String CYBER = "mythos-5:cyber";

    private final DecisionEngine engine = new DecisionEngine();

    /** An entitlement built field by field, everything else unconstrained. */
    private static final class Row {
        Set<String> tiers = Set.of("PUBLIC");
        Set<String> allowedNationalities = Set.of();
        Set<String> deniedNationalities = Set.of();
        Set<String> allowedJurisdictions = Set.of();
        Set<String> deniedJurisdictions = Set.of();
        Set<String> allowedResidences = Set.of();
        Set<String> deniedResidences = Set.of();
        Duration maxVerificationAge;
        Entitlement.Rule onMismatch;
        Entitlement.Rule hosting;

        Entitlement build() {
            return new Entitlement(
                    tiers,
                    allowedNationalities,
                    deniedNationalities,
                    allowedJurisdictions,
                    deniedJurisdictions,
                    allowedResidences,
                    deniedResidences,
                    maxVerificationAge,
                    onMismatch,
                    hosting,
                    List.of("structured-output-only"),
                    List.of());
        }
    }

    private static Row row(String... tiers) {
        Row row = new Row();
        row.tiers = Set.of(tiers);
        return row;
    }

    private static CapabilityPolicy policy(String capability, Entitlement... entitlements) {
        return new CapabilityPolicy("v-test", Map.of(capability, List.of(entitlements)));
    }

    private static SubjectState subject(
            String status, Set<String> nationalities, String residence, OffsetDateTime verifiedAt, String... tiers) {
        Map<String, String> grants = new LinkedHashMap<>();
        for (int i = 0; i < tiers.length; i++) {
            grants.put("grant-" + i, tiers[i]);
        }
        return SubjectState.of(
                "subject-1", status, nationalities, residence, verifiedAt, grants, Map.of(), Map.of("identity", 3L));
    }

    private static SubjectState verified(String... tiers) {
        return subject(SubjectState.VERIFIED, Set.of("DE"), "DE", NOW.minusDays(10), tiers);
    }

    private static List<String> codes(DecisionEngine.Evaluation evaluation) {
        return evaluation.reasons().stream().map(Reason::code).toList();
    }

    @Test
    void aCapabilityOutsideTheCatalogueIsDeniedEvenForAnUnknownSubject() {
        DecisionEngine.Evaluation evaluation =
                engine.evaluate(policy(CHAT, row("PUBLIC").build()), null, "nope:chat", RequestOrigin.NONE, NOW);

        assertFalse(evaluation.allowed());
        assertEquals(List.of(Reason.UNKNOWN_CAPABILITY), codes(evaluation));
        assertNull(evaluation.entitlement());
        assertNull(evaluation.tier());
    }

    @Test
    void aSubjectTheProjectionDoesNotKnowIsDenied() {
        DecisionEngine.Evaluation evaluation =
                engine.evaluate(policy(CHAT, row("PUBLIC").build()), null, CHAT, RequestOrigin.NONE, NOW);

        assertEquals(List.of(Reason.UNKNOWN_SUBJECT), codes(evaluation));
    }

    @Test
    void anIdentityNotVerifiedIsDeniedWhateverTheTiersHeld() {
        SubjectState inReview = subject("REVIEW_REQUIRED", Set.of("DE"), "DE", null, "PUBLIC");

        DecisionEngine.Evaluation evaluation =
                engine.evaluate(policy(CHAT, row("PUBLIC").build()), inReview, CHAT, RequestOrigin.NONE, NOW);

        assertFalse(evaluation.allowed());
        assertEquals(List.of(Reason.IDENTITY_NOT_VERIFIED), codes(evaluation));
    }

    @Test
    void aVerifiedSubjectWithoutAnyTierIsDenied() {
        DecisionEngine.Evaluation evaluation =
                engine.evaluate(policy(CHAT, row("PUBLIC").build()), verified(), CHAT, RequestOrigin.NONE, NOW);

        assertEquals(List.of(Reason.NO_ACTIVE_TIER), codes(evaluation));
    }

    @Test
    void aTierTheCapabilityIsNotEntitledToIsDeniedAndNamed() {
        DecisionEngine.Evaluation evaluation = engine.evaluate(
                policy(CYBER, row("GOVERNMENT").build()), verified("PUBLIC"), CYBER, RequestOrigin.NONE, NOW);

        assertFalse(evaluation.allowed());
        assertEquals(List.of(Reason.TIER_NOT_ENTITLED), codes(evaluation));
        assertTrue(
                evaluation.reasons().get(0).message().contains("PUBLIC"),
                evaluation.reasons().get(0).message());
    }

    @Test
    void anEntitledTierAllowsAndSaysWhichEntitlementAndTier() {
        Entitlement entitlement = row("RESEARCH", "GOVERNMENT").build();

        DecisionEngine.Evaluation evaluation = engine.evaluate(
                policy(CHAT, entitlement), verified("PUBLIC", "RESEARCH"), CHAT, RequestOrigin.declared("DE"), NOW);

        assertTrue(evaluation.allowed());
        assertEquals(List.of(Reason.ENTITLED), codes(evaluation));
        assertSame(entitlement, evaluation.entitlement());
        assertEquals("RESEARCH", evaluation.tier(), "only a tier the entitlement names can be the one that allowed");
    }

    @Test
    void ofTwoTiersAnEntitlementNamesTheMostPrivilegedDecides() {
        Entitlement entitlement = row("PUBLIC", "RESEARCH").build();

        DecisionEngine.Evaluation evaluation = engine.evaluate(
                policy(CHAT, entitlement), verified("PUBLIC", "RESEARCH"), CHAT, RequestOrigin.declared("DE"), NOW);

        assertTrue(evaluation.allowed());
        assertEquals("RESEARCH", evaluation.tier(), "tier precedence, not the alphabet (PUBLIC < RESEARCH)");
        assertEquals(
                "tier RESEARCH entitles " + CHAT, evaluation.reasons().get(0).message());
    }

    @Test
    void oneDeniedNationalityOfADualNationalDenies() {
        Row row = row("PUBLIC");
        row.deniedNationalities = Set.of("RU");
        SubjectState dual = subject(SubjectState.VERIFIED, Set.of("DE", "RU"), "DE", NOW.minusDays(1), "PUBLIC");

        DecisionEngine.Evaluation evaluation =
                engine.evaluate(policy(CHAT, row.build()), dual, CHAT, RequestOrigin.NONE, NOW);

        assertFalse(evaluation.allowed());
        assertEquals(List.of(Reason.NATIONALITY_DENIED), codes(evaluation));
    }

    @Test
    void anAllowListOfNationalitiesNeedsOneOfThem() {
        Row row = row("PUBLIC");
        row.allowedNationalities = Set.of("US");
        CapabilityPolicy policy = policy(CHAT, row.build());

        DecisionEngine.Evaluation german = engine.evaluate(policy, verified("PUBLIC"), CHAT, RequestOrigin.NONE, NOW);
        DecisionEngine.Evaluation dual = engine.evaluate(
                policy,
                subject(SubjectState.VERIFIED, Set.of("DE", "US"), "DE", NOW.minusDays(1), "PUBLIC"),
                CHAT,
                RequestOrigin.NONE,
                NOW);

        assertEquals(List.of(Reason.NATIONALITY_NOT_ALLOWED), codes(german));
        assertTrue(dual.allowed());
    }

    @Test
    void aDeniedResidenceDeniesButAnUnknownResidenceOnlyFailsAnAllowList() {
        Row denying = row("PUBLIC");
        denying.deniedResidences = Set.of("IR");
        Row allowing = row("PUBLIC");
        allowing.allowedResidences = Set.of("DE");
        SubjectState resident = subject(SubjectState.VERIFIED, Set.of("DE"), "IR", NOW.minusDays(1), "PUBLIC");
        SubjectState unknownResidence = subject(SubjectState.VERIFIED, Set.of("DE"), null, NOW.minusDays(1), "PUBLIC");

        assertEquals(
                List.of(Reason.RESIDENCE_DENIED),
                codes(engine.evaluate(policy(CHAT, denying.build()), resident, CHAT, RequestOrigin.NONE, NOW)));
        assertTrue(engine.evaluate(policy(CHAT, denying.build()), unknownResidence, CHAT, RequestOrigin.NONE, NOW)
                .allowed());
        assertEquals(
                List.of(Reason.RESIDENCE_NOT_ALLOWED),
                codes(engine.evaluate(
                        policy(CHAT, allowing.build()), unknownResidence, CHAT, RequestOrigin.NONE, NOW)));
        assertTrue(engine.evaluate(policy(CHAT, allowing.build()), verified("PUBLIC"), CHAT, RequestOrigin.NONE, NOW)
                .allowed());
    }

    @Test
    void aVerificationOlderThanTheMaximumAgeIsDeniedUpToTheBoundary() {
        Row row = row("PUBLIC");
        row.maxVerificationAge = Duration.ofDays(30);
        CapabilityPolicy policy = policy(CHAT, row.build());
        SubjectState justInTime = subject(SubjectState.VERIFIED, Set.of("DE"), "DE", NOW.minusDays(30), "PUBLIC");
        SubjectState tooOld = subject(
                SubjectState.VERIFIED, Set.of("DE"), "DE", NOW.minusDays(30).minusSeconds(1), "PUBLIC");
        SubjectState neverDated = subject(SubjectState.VERIFIED, Set.of("DE"), "DE", null, "PUBLIC");

        assertTrue(engine.evaluate(policy, justInTime, CHAT, RequestOrigin.NONE, NOW)
                .allowed());
        assertEquals(
                List.of(Reason.VERIFICATION_TOO_OLD),
                codes(engine.evaluate(policy, tooOld, CHAT, RequestOrigin.NONE, NOW)));
        assertEquals(
                List.of(Reason.VERIFICATION_TOO_OLD),
                codes(engine.evaluate(policy, neverDated, CHAT, RequestOrigin.NONE, NOW)));
    }

    @Test
    void aJurisdictionRestrictedCapabilityNeedsAKnownJurisdiction() {
        Row row = row("PUBLIC");
        row.deniedJurisdictions = Set.of("CN");

        DecisionEngine.Evaluation evaluation =
                engine.evaluate(policy(CHAT, row.build()), verified("PUBLIC"), CHAT, RequestOrigin.NONE, NOW);

        assertEquals(List.of(Reason.JURISDICTION_REQUIRED), codes(evaluation));
    }

    @Test
    void anUnrestrictedCapabilityNeedsNoJurisdiction() {
        assertTrue(
                engine.evaluate(policy(CHAT, row("PUBLIC").build()), verified("PUBLIC"), CHAT, RequestOrigin.NONE, NOW)
                        .allowed());
    }

    @Test
    void anAllowListOfJurisdictionsRefusesOthers() {
        Row row = row("PUBLIC");
        row.allowedJurisdictions = Set.of("US");
        CapabilityPolicy policy = policy(CHAT, row.build());

        assertTrue(engine.evaluate(policy, verified("PUBLIC"), CHAT, RequestOrigin.declared("US"), NOW)
                .allowed());
        assertEquals(
                List.of(Reason.JURISDICTION_NOT_ALLOWED),
                codes(engine.evaluate(policy, verified("PUBLIC"), CHAT, RequestOrigin.declared("DE"), NOW)));
    }

    @Test
    void aDeclaredCountryCannotLaunderTheCountryOfTheClientIp() {
        Row row = row("PUBLIC");
        row.deniedJurisdictions = Set.of("CN");

        DecisionEngine.Evaluation evaluation = engine.evaluate(
                policy(CHAT, row.build()), verified("PUBLIC"), CHAT, new RequestOrigin("US", "CN", false, null), NOW);

        assertFalse(evaluation.allowed());
        assertEquals(
                List.of(Reason.JURISDICTION_DENIED, Reason.JURISDICTION_MISMATCH),
                codes(evaluation),
                "the refusal carries the mismatch the policy let pass, too");
    }

    @Test
    void aJurisdictionMismatchIsReportedOnAnAllowUnlessThePolicyDeniesIt() {
        RequestOrigin mismatched = new RequestOrigin("DE", "FR", false, null);
        Row lenient = row("PUBLIC");
        Row strict = row("PUBLIC");
        strict.onMismatch = Entitlement.Rule.DENY;

        DecisionEngine.Evaluation allowed =
                engine.evaluate(policy(CHAT, lenient.build()), verified("PUBLIC"), CHAT, mismatched, NOW);
        DecisionEngine.Evaluation denied =
                engine.evaluate(policy(CHAT, strict.build()), verified("PUBLIC"), CHAT, mismatched, NOW);

        assertTrue(allowed.allowed());
        assertEquals(List.of(Reason.ENTITLED, Reason.JURISDICTION_MISMATCH), codes(allowed));
        assertFalse(denied.allowed());
        assertEquals(List.of(Reason.JURISDICTION_MISMATCH), codes(denied));
    }

    @Test
    void aHostingNetworkIsANoteOrARefusalAsThePolicySays() {
        RequestOrigin hosted = new RequestOrigin("DE", "DE", true, "AS16509");
        Row lenient = row("PUBLIC");
        Row strict = row("PUBLIC");
        strict.hosting = Entitlement.Rule.DENY;

        DecisionEngine.Evaluation allowed =
                engine.evaluate(policy(CHAT, lenient.build()), verified("PUBLIC"), CHAT, hosted, NOW);
        DecisionEngine.Evaluation denied =
                engine.evaluate(policy(CHAT, strict.build()), verified("PUBLIC"), CHAT, hosted, NOW);

        assertEquals(List.of(Reason.ENTITLED, Reason.HOSTING_NETWORK), codes(allowed));
        assertTrue(allowed.reasons().get(1).message().contains("AS16509"));
        assertEquals(List.of(Reason.HOSTING_NETWORK), codes(denied));
    }

    @Test
    void everyBrokenConstraintIsReportedAtOnce() {
        Row row = row("PUBLIC");
        row.deniedNationalities = Set.of("DE");
        row.allowedResidences = Set.of("US");
        row.allowedJurisdictions = Set.of("US");

        DecisionEngine.Evaluation evaluation =
                engine.evaluate(policy(CHAT, row.build()), verified("PUBLIC"), CHAT, RequestOrigin.declared("DE"), NOW);

        assertEquals(
                List.of(Reason.NATIONALITY_DENIED, Reason.RESIDENCE_NOT_ALLOWED, Reason.JURISDICTION_NOT_ALLOWED),
                codes(evaluation));
    }

    @Test
    void aLaterEntitlementAllowsWhenAnEarlierOneRefuses() {
        Row strict = row("PUBLIC");
        strict.allowedJurisdictions = Set.of("US");
        Entitlement open = row("PUBLIC").build();

        DecisionEngine.Evaluation evaluation = engine.evaluate(
                policy(CHAT, strict.build(), open), verified("PUBLIC"), CHAT, RequestOrigin.declared("DE"), NOW);

        assertTrue(evaluation.allowed());
        assertSame(open, evaluation.entitlement());
    }

    @Test
    void whenEveryEntitlementRefusesTheFirstRefusalIsTheAnswer() {
        Row first = row("PUBLIC");
        first.allowedJurisdictions = Set.of("US");
        Row second = row("PUBLIC");
        second.deniedNationalities = Set.of("DE");

        DecisionEngine.Evaluation evaluation = engine.evaluate(
                policy(CHAT, first.build(), second.build()),
                verified("PUBLIC"),
                CHAT,
                RequestOrigin.declared("DE"),
                NOW);

        assertFalse(evaluation.allowed());
        assertEquals(List.of(Reason.JURISDICTION_NOT_ALLOWED), codes(evaluation));
    }

    @Test
    void anEntitlementForTiersTheSubjectLacksIsSkippedNotARefusal() {
        Row government = row("GOVERNMENT");
        government.allowedJurisdictions = Set.of("US");
        Entitlement publicRow = row("PUBLIC").build();

        DecisionEngine.Evaluation evaluation = engine.evaluate(
                policy(CHAT, government.build(), publicRow),
                verified("PUBLIC"),
                CHAT,
                RequestOrigin.declared("DE"),
                NOW);

        assertTrue(evaluation.allowed());
        assertEquals("PUBLIC", evaluation.tier());
    }
}
