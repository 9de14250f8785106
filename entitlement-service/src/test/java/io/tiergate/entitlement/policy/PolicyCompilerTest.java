package io.tiergate.entitlement.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiergate.commons.problem.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The validate and compile steps of a policy's lifecycle, without a database. */
class PolicyCompilerTest {

    private final PolicyCompiler compiler = new PolicyCompiler();

    PolicyCompilerTest() {
        compiler.config = new TestPolicyConfig(Set.of("ru", "KP"));
    }

    private static Entitlement entitlement(
            Set<String> tiers,
            Set<String> deniedNationalities,
            Set<String> allowedJurisdictions,
            Set<String> deniedJurisdictions,
            List<String> obligations,
            List<Budget> budgets) {
        return new Entitlement(
                tiers,
                Set.of(),
                deniedNationalities,
                allowedJurisdictions,
                deniedJurisdictions,
                Set.of(),
                Set.of(),
                null,
                null,
                null,
                obligations,
                budgets);
    }

    private static Entitlement tiers(String... tiers) {
        return entitlement(Set.of(tiers), Set.of(), Set.of(), Set.of(), List.of(), List.of());
    }

    private static PolicyDocument document(String capability, Entitlement... entitlements) {
        Map<String, List<Entitlement>> capabilities = new LinkedHashMap<>();
        capabilities.put(capability, List.of(entitlements));
        return new PolicyDocument("v1", null, capabilities);
    }

    private static List<String> fields(List<Problem.Violation> problems) {
        return problems.stream().map(Problem.Violation::field).toList();
    }

    @Test
    void theSeedPolicyValidatesAndCompiles() throws IOException {
        PolicyDocument seed;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("policy/seed-policy.json")) {
            seed = new ObjectMapper().findAndRegisterModules().readValue(in, PolicyDocument.class);
        }

        assertEquals(List.of(), compiler.validate(seed));
        CapabilityPolicy compiled = compiler.compile(seed);
        assertEquals(seed.version(), compiled.version());
        assertEquals(
                Set.of("RU", "KP"),
                compiled.entitlementsOf("mythos-5:chat").get(0).deniedNationalities());
    }

    @Test
    void aPolicyWithoutCapabilitiesIsRefused() {
        assertEquals(List.of("capabilities"), fields(compiler.validate(new PolicyDocument("v1", null, Map.of()))));
    }

    @Test
    void aCapabilityIdMustLookLikeModelColonFeature() {
        assertEquals(List.of("capabilities"), fields(compiler.validate(document("Fable 5", tiers("PUBLIC")))));
        assertEquals(List.of(), compiler.validate(document("fable-5.1:chat_v2", tiers("PUBLIC"))));
    }

    @Test
    void aCapabilityNeedsAnEntitlementAndAnEntitlementATier() {
        assertEquals(List.of("capabilities.fable-5:chat"), fields(compiler.validate(document("fable-5:chat"))));
        assertEquals(
                List.of("capabilities.fable-5:chat[0].tiers"),
                fields(compiler.validate(document("fable-5:chat", tiers()))));
    }

    @Test
    void anUnknownTierIsNamed() {
        List<Problem.Violation> problems = compiler.validate(document("fable-5:chat", tiers("PUBLIC", "PLATINUM")));

        assertEquals(List.of("capabilities.fable-5:chat[0].tiers"), fields(problems));
        assertEquals(
                "unknown tier PLATINUM; one of [GOVERNMENT, RESEARCH, ENTERPRISE, PUBLIC]",
                problems.get(0).message(),
                "platform-commons' tier list, in precedence order");
    }

    @Test
    void countryCodesMustBeIsoOrTheCountriesOfConcern() {
        Entitlement e = entitlement(
                Set.of("PUBLIC"), Set.of("XX"), Set.of("us"), Set.of("@countries-of-concern"), List.of(), List.of());

        assertEquals(
                List.of("capabilities.fable-5:chat[0].deniedNationalities"),
                fields(compiler.validate(document("fable-5:chat", e))),
                "lower case is accepted, XX is not a country");
    }

    @Test
    void aCountryBothAllowedAndDeniedIsRefused() {
        Entitlement e = entitlement(Set.of("PUBLIC"), Set.of(), Set.of("us", "DE"), Set.of("US"), List.of(), List.of());

        List<Problem.Violation> problems = compiler.validate(document("fable-5:chat", e));

        assertEquals(List.of("capabilities.fable-5:chat[0].allowedJurisdictions"), fields(problems));
        assertTrue(problems.get(0).message().contains("US"));
    }

    @Test
    void obligationsAreLowerCaseNamesWithAnOptionalValue() {
        Entitlement good = entitlement(
                Set.of("PUBLIC"),
                Set.of(),
                Set.of(),
                Set.of(),
                List.of("structured-output-only", "retain-transcript-days=30"),
                List.of());
        Entitlement bad =
                entitlement(Set.of("PUBLIC"), Set.of(), Set.of(), Set.of(), List.of("Retain Forever"), List.of());

        assertEquals(List.of(), compiler.validate(document("fable-5:chat", good)));
        assertEquals(
                List.of("capabilities.fable-5:chat[0].obligations"),
                fields(compiler.validate(document("fable-5:chat", bad))));
    }

    @Test
    void budgetsNeedAWindowBetweenASecondAndAMonthAndAPositiveLimit() {
        Entitlement e = entitlement(
                Set.of("PUBLIC"),
                Set.of(),
                Set.of(),
                Set.of(),
                List.of(),
                List.of(
                        new Budget(Budget.Scope.SUBJECT, Duration.ofMinutes(1), 100L, null),
                        new Budget(Budget.Scope.SUBJECT, Duration.ofMillis(500), 100L, null),
                        new Budget(Budget.Scope.ORGANIZATION, Duration.ofDays(32), null, 5L),
                        new Budget(null, Duration.ofHours(1), null, null),
                        new Budget(Budget.Scope.SUBJECT, Duration.ofHours(1), 0L, null)));

        assertEquals(
                List.of(
                        "capabilities.fable-5:chat[0].budgets[1].window",
                        "capabilities.fable-5:chat[0].budgets[2].window",
                        "capabilities.fable-5:chat[0].budgets[3]",
                        "capabilities.fable-5:chat[0].budgets[4]"),
                fields(compiler.validate(document("fable-5:chat", e))));
    }

    @Test
    void aNonPositiveVerificationAgeIsRefused() {
        Entitlement e = new Entitlement(
                Set.of("PUBLIC"), null, null, null, null, null, null, Duration.ZERO, null, null, null, null);

        assertEquals(
                List.of("capabilities.fable-5:chat[0].maxVerificationAge"),
                fields(compiler.validate(document("fable-5:chat", e))));
    }

    @Test
    void compilingUpperCasesCountriesAndExpandsTheCountriesOfConcern() {
        Entitlement e = entitlement(
                Set.of("RESEARCH"),
                Set.of("@countries-of-concern", "ir"),
                Set.of("de"),
                Set.of(),
                List.of(),
                List.of());

        Entitlement compiled = compiler.compile(document("mythos-5:chat", e))
                .entitlementsOf("mythos-5:chat")
                .get(0);

        assertEquals(Set.of("RU", "KP", "IR"), compiled.deniedNationalities());
        assertEquals(Set.of("DE"), compiled.allowedJurisdictions());
        assertEquals(Entitlement.Rule.ALLOW, compiled.onJurisdictionMismatch(), "the default rule is kept");
    }
}
