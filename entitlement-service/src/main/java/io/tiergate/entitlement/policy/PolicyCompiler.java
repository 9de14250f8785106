package io.tiergate.entitlement.policy;

import io.tiergate.commons.country.IsoCountries;
import io.tiergate.commons.problem.Problem;
import io.tiergate.commons.tier.TierName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a policy document (the "validate" step of its lifecycle) and compiles it into what decisions read:
 * country codes upper-cased and {@code @countries-of-concern} expanded. A document may write codes in either case:
 * each is upper-cased ({@link IsoCountries#upperCase}) and then checked against the one ISO list. Every problem is
 * reported at once, each with the path of the field at fault.
 */
@ApplicationScoped
public class PolicyCompiler {

    static final int MAX_CAPABILITIES = 10_000;
    static final String COUNTRIES_OF_CONCERN = "@countries-of-concern";
    private static final Pattern CAPABILITY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}:[a-z0-9][a-z0-9._-]{0,99}");
    private static final Pattern OBLIGATION = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}(=[A-Za-z0-9._:-]{1,64})?");
    private static final Duration SHORTEST_WINDOW = Duration.ofSeconds(1);
    private static final Duration LONGEST_WINDOW = Duration.ofDays(31);

    @Inject
    PolicyConfig config;

    /** Every problem of the document; empty when it may be published. */
    public List<Problem.Violation> validate(PolicyDocument document) {
        List<Problem.Violation> problems = new ArrayList<>();
        if (document.capabilities() == null || document.capabilities().isEmpty()) {
            problems.add(new Problem.Violation("capabilities", "a policy names at least one capability"));
            return problems;
        }
        document.capabilities().forEach((capability, entitlements) -> {
            String at = "capabilities." + capability;
            if (capability == null || !CAPABILITY.matcher(capability).matches()) {
                problems.add(new Problem.Violation(
                        "capabilities",
                        "capability ids look like model:feature "
                                + "(lower case letters, digits, '.', '_', '-'; at most 100 each side)"));
                return;
            }
            if (entitlements == null || entitlements.isEmpty()) {
                problems.add(new Problem.Violation(at, "a capability has at least one entitlement"));
                return;
            }
            for (int i = 0; i < entitlements.size(); i++) {
                Entitlement e = entitlements.get(i);
                String row = at + "[" + i + "]";
                if (e == null) {
                    problems.add(new Problem.Violation(row, "an entitlement is an object"));
                    continue;
                }
                checkEntitlement(row, e, problems);
            }
        });
        return problems;
    }

    private void checkEntitlement(String row, Entitlement e, List<Problem.Violation> problems) {
        if (e.tiers().isEmpty()) {
            problems.add(new Problem.Violation(row + ".tiers", "an entitlement names at least one tier"));
        }
        e.tiers().stream()
                .filter(t -> !TierName.isKnown(t))
                .forEach(t -> problems.add(
                        new Problem.Violation(row + ".tiers", "unknown tier " + t + "; one of " + TierName.NAMES)));
        checkCountries(row, "Nationalities", e.allowedNationalities(), e.deniedNationalities(), problems);
        checkCountries(row, "Jurisdictions", e.allowedJurisdictions(), e.deniedJurisdictions(), problems);
        checkCountries(row, "Residences", e.allowedResidences(), e.deniedResidences(), problems);
        if (e.maxVerificationAge() != null
                && (e.maxVerificationAge().isNegative()
                        || e.maxVerificationAge().isZero())) {
            problems.add(new Problem.Violation(row + ".maxVerificationAge", "must be a positive ISO-8601 duration"));
        }
        for (String obligation : e.obligations()) {
            if (obligation == null || !OBLIGATION.matcher(obligation).matches()) {
                problems.add(new Problem.Violation(
                        row + ".obligations",
                        "an obligation is a lower-case name, optionally =value, e.g. retain-transcript-days=30"));
            }
        }
        for (int b = 0; b < e.budgets().size(); b++) {
            Budget budget = e.budgets().get(b);
            String at = row + ".budgets[" + b + "]";
            if (budget == null) {
                problems.add(new Problem.Violation(at, "a budget is an object"));
                continue;
            }
            if (budget.window() == null
                    || budget.window().compareTo(SHORTEST_WINDOW) < 0
                    || budget.window().compareTo(LONGEST_WINDOW) > 0) {
                problems.add(new Problem.Violation(at + ".window", "a window lies between PT1S and P31D"));
            }
            if (budget.requests() == null && budget.tokens() == null) {
                problems.add(new Problem.Violation(at, "a budget limits requests, tokens or both"));
            }
            if ((budget.requests() != null && budget.requests() < 1)
                    || (budget.tokens() != null && budget.tokens() < 1)) {
                problems.add(new Problem.Violation(at, "limits are positive"));
            }
        }
    }

    private static void checkCountries(
            String row, String kind, Set<String> allowed, Set<String> denied, List<Problem.Violation> problems) {
        for (Set<String> codes : List.of(allowed, denied)) {
            String field = row + "." + (codes == allowed ? "allowed" : "denied") + kind;
            codes.stream()
                    .filter(c -> c == null
                            || (!COUNTRIES_OF_CONCERN.equals(c) && !IsoCountries.isAlpha2(IsoCountries.upperCase(c))))
                    .forEach(c -> problems.add(new Problem.Violation(
                            field, "not an ISO 3166-1 alpha-2 country code nor " + COUNTRIES_OF_CONCERN)));
        }
        Set<String> both = new LinkedHashSet<>(upper(allowed));
        both.retainAll(upper(denied));
        if (!both.isEmpty()) {
            problems.add(new Problem.Violation(row + ".allowed" + kind, "allowed and denied at once: " + both));
        }
    }

    /** The compiled policy; call only on a document {@link #validate} found no problem in. */
    public CapabilityPolicy compile(PolicyDocument document) {
        Map<String, List<Entitlement>> capabilities = new LinkedHashMap<>();
        document.capabilities()
                .forEach((capability, entitlements) -> capabilities.put(
                        capability, entitlements.stream().map(this::compile).toList()));
        return new CapabilityPolicy(document.version(), capabilities);
    }

    private Entitlement compile(Entitlement e) {
        return new Entitlement(
                e.tiers(),
                expand(e.allowedNationalities()),
                expand(e.deniedNationalities()),
                expand(e.allowedJurisdictions()),
                expand(e.deniedJurisdictions()),
                expand(e.allowedResidences()),
                expand(e.deniedResidences()),
                e.maxVerificationAge(),
                e.onJurisdictionMismatch(),
                e.hostingNetworks(),
                e.obligations(),
                e.budgets());
    }

    private Set<String> expand(Set<String> codes) {
        Set<String> expanded = new LinkedHashSet<>();
        for (String code : codes) {
            if (COUNTRIES_OF_CONCERN.equals(code)) {
                config.countriesOfConcern().forEach(c -> expanded.add(IsoCountries.upperCase(c)));
            } else {
                expanded.add(IsoCountries.upperCase(code));
            }
        }
        return expanded;
    }

    private static Set<String> upper(Set<String> codes) {
        Set<String> out = new LinkedHashSet<>();
        codes.forEach(c -> {
            if (c != null) {
                out.add(COUNTRIES_OF_CONCERN.equals(c) ? c : IsoCountries.upperCase(c));
            }
        });
        return Collections.unmodifiableSet(out);
    }
}
