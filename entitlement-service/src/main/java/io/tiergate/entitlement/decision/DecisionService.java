package io.tiergate.entitlement.decision;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tiergate.commons.event.ConsistencyToken;
import io.tiergate.commons.problem.ApiProblem;
import io.tiergate.entitlement.campaign.ContainedAccounts;
import io.tiergate.entitlement.campaign.Containment;
import io.tiergate.entitlement.campaign.ContainmentLevel;
import io.tiergate.entitlement.directive.ActiveDirectives;
import io.tiergate.entitlement.jurisdiction.RequestOrigin;
import io.tiergate.entitlement.jurisdiction.RequestOrigins;
import io.tiergate.entitlement.policy.Budget;
import io.tiergate.entitlement.policy.CapabilityPolicy;
import io.tiergate.entitlement.policy.PolicyStore;
import io.tiergate.entitlement.projection.ProjectionFreshness;
import io.tiergate.entitlement.projection.SubjectProjection;
import io.tiergate.entitlement.projection.SubjectState;
import io.tiergate.entitlement.usage.BudgetStatus;
import io.tiergate.entitlement.usage.UsageLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The decision API's flow: honour the consistency token (or the staleness bound), evaluate the policy, let directives
 * and campaign containment override, charge usage budgets, and record the decision for audit.
 */
@ApplicationScoped
public class DecisionService {

    @Inject
    SubjectProjection projection;

    @Inject
    PolicyStore policies;

    @Inject
    DecisionEngine engine;

    @Inject
    ActiveDirectives directives;

    @Inject
    ProjectionFreshness freshness;

    @Inject
    RequestOrigins origins;

    @Inject
    UsageLedger usage;

    @Inject
    ContainedAccounts contained;

    @Inject
    DecisionEventWriter events;

    @Inject
    MeterRegistry meters;

    @Inject
    DecisionsConfig config;

    public Decision decide(DecisionRequest request) {
        Timer.Sample timing = Timer.start(meters);
        RequestOrigin origin = origins.of(request.jurisdiction(), request.clientIp());
        Decision decision = decide(policies.current(), request, origin, true);
        events.record(request.subject(), request.capability(), origin.declared(), decision);
        timing.stop(decision.allowed() ? allowTimer() : denyTimer());
        return decision;
    }

    private volatile Timer allowTimer;
    private volatile Timer denyTimer;

    // looked up once: a registry lookup per decision costs more than the decision
    private Timer allowTimer() {
        Timer timer = allowTimer;
        return timer != null ? timer : (allowTimer = timer("ALLOW"));
    }

    private Timer denyTimer() {
        Timer timer = denyTimer;
        return timer != null ? timer : (denyTimer = timer("DENY"));
    }

    // buckets, so that Prometheus can compute the p99 across instances (deploy/prometheus); from 50 us to 1 s
    private Timer timer(String decision) {
        return Timer.builder("tiergate.decisions")
                .tag("decision", decision)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(50_000))
                .maximumExpectedValue(Duration.ofSeconds(1))
                .register(meters);
    }

    /** Evaluates a policy that need not be in force (what-if): nothing is charged or recorded. */
    public Decision whatIf(CapabilityPolicy policy, DecisionRequest request) {
        return decide(policy, request, origins.of(request.jurisdiction(), request.clientIp()), false);
    }

    /** Honours the consistency token, or for a live decision the staleness bound, then evaluates. */
    private Decision decide(CapabilityPolicy policy, DecisionRequest request, RequestOrigin origin, boolean live) {
        Duration stale;
        if (request.consistencyToken() != null && !caughtUp(request.consistencyToken())) {
            // Fail closed: the caller asked for a state we cannot yet see.
            return deny(
                    policy,
                    null,
                    new Reason(
                            Reason.PROJECTION_BEHIND,
                            "the decision could not reach the requested consistency token in "
                                    + config.consistencyWait()));
        }
        if (live && request.consistencyToken() == null && (stale = freshness.staleness()) != null) {
            // Fail closed: without a token, the projection must be known fresh within the bound.
            return deny(
                    policy,
                    null,
                    new Reason(
                            Reason.PROJECTION_STALE,
                            "the projection has not been known " + "to be caught up for " + stale.toSeconds()
                                    + " s (bound " + freshness.bound() + ")"));
        }
        return evaluate(policy, projection.get(request.subject()), request, origin, live);
    }

    private Decision evaluate(
            CapabilityPolicy policy,
            SubjectState subject,
            DecisionRequest request,
            RequestOrigin origin,
            boolean charge) {
        OffsetDateTime now = nowUtc();
        DecisionEngine.Evaluation evaluation = engine.evaluate(policy, subject, request.capability(), origin, now);
        String position = subject == null || subject.appliedVersions().isEmpty() ? null : subject.position();
        // one map lookup: campaign containment must not slow the decisions of everyone else
        Containment containment = contained.of(request.subject());
        // Directives in force override the entitlements: any refusal turns the answer to DENY, with every reason.
        List<String> refusals = !directives.inForce()
                ? List.of()
                : directives.refusals(
                        request.capability(), subject == null ? Set.of() : subject.nationalities(), origin.countries());
        if (!refusals.isEmpty()) {
            List<Reason> reasons = new ArrayList<>();
            for (String refusal : refusals) {
                reasons.add(new Reason(Reason.DIRECTIVE_DENIED, refusal));
            }
            if (containment != null && containment.level().denies()) {
                reasons.add(containedReason(containment));
            }
            if (!evaluation.allowed()) {
                reasons.addAll(evaluation.reasons());
            }
            return Decision.deny(reasons, policy.version(), position);
        }
        if (containment != null && containment.level().denies()) {
            return containedDenial(containment, evaluation, policy.version(), position);
        }
        if (!evaluation.allowed()) {
            return Decision.deny(evaluation.reasons(), policy.version(), position);
        }
        List<Budget> budgets = evaluation.entitlement().budgets();
        List<BudgetStatus> statuses = null;
        if (!budgets.isEmpty()) {
            List<UsageLedger.Charge> charges = UsageLedger.chargesFor(budgets, subject, evaluation.tier());
            long nowMillis = now.toInstant().toEpochMilli();
            if (charge) {
                UsageLedger.Outcome outcome = usage.charge(request.capability(), charges, nowMillis);
                statuses = outcome.statuses();
                if (outcome.exhausted()) {
                    return Decision.deny(
                                    List.of(new Reason(
                                            Reason.BUDGET_EXHAUSTED,
                                            "a usage budget of " + request.capability() + " is spent for this window")),
                                    policy.version(),
                                    position)
                            .withBudgets(statuses);
                }
            } else {
                statuses = usage.statuses(request.capability(), charges, nowMillis);
            }
        }
        List<String> obligations = evaluation.entitlement().obligations();
        List<Reason> reasons = evaluation.reasons();
        if (containment != null) { // THROTTLE: still allowed, and the gateway is told to throttle
            reasons = throttledReasons(containment, reasons);
            obligations = throttledObligations(obligations);
        }
        return Decision.allow(reasons, obligations, statuses, policy.version(), position);
    }

    /**
     * Now, in UTC: compared as instants only. {@code OffsetDateTime.now()} clones the default time zone and
     * {@code now(ZoneOffset.UTC)} builds the offset's rules on every call; this builds the date and time alone.
     */
    static OffsetDateTime nowUtc() {
        Instant instant = Instant.now();
        return OffsetDateTime.of(
                LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC),
                ZoneOffset.UTC);
    }

    /**
     * A contained account's refusal at STEP_UP or DENY: CAMPAIGN_CONTAINED first, then what the policy would have
     * refused anyway; STEP_UP tells the gateway to send the account to verification.
     */
    static Decision containedDenial(
            Containment containment, DecisionEngine.Evaluation evaluation, String policyVersion, String position) {
        List<Reason> reasons = new ArrayList<>();
        reasons.add(containedReason(containment));
        if (!evaluation.allowed()) {
            reasons.addAll(evaluation.reasons());
        }
        Decision denial = Decision.deny(List.copyOf(reasons), policyVersion, position);
        return containment.level() == ContainmentLevel.STEP_UP
                ? denial.withObligations(List.of(ContainmentLevel.STEP_UP_OBLIGATION))
                : denial;
    }

    static List<Reason> throttledReasons(Containment containment, List<Reason> allowed) {
        List<Reason> reasons = new ArrayList<>(allowed);
        reasons.add(containedReason(containment));
        return List.copyOf(reasons);
    }

    static List<String> throttledObligations(List<String> allowed) {
        List<String> obligations = new ArrayList<>(allowed);
        if (!obligations.contains(ContainmentLevel.THROTTLE_OBLIGATION)) {
            obligations.add(ContainmentLevel.THROTTLE_OBLIGATION);
        }
        return List.copyOf(obligations);
    }

    private static Reason containedReason(Containment containment) {
        return new Reason(
                Reason.CAMPAIGN_CONTAINED,
                "the account is contained (" + containment.level() + ") by campaign " + containment.campaignId()
                        + " pending an officer's review");
    }

    private Decision deny(CapabilityPolicy policy, String position, Reason reason) {
        return Decision.deny(List.of(reason), policy.version(), position);
    }

    /** Waits for every token of a comma-separated list (for example an identity write and a tier write). */
    private boolean caughtUp(String rawTokens) {
        List<ConsistencyToken> tokens = new ArrayList<>();
        for (String raw : rawTokens.split(",")) {
            try {
                tokens.add(ConsistencyToken.parse(raw.strip()));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("INVALID_CONSISTENCY_TOKEN", e.getMessage());
            }
        }
        long deadline = System.nanoTime() + config.consistencyWait().toNanos();
        for (ConsistencyToken token : tokens) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            if (!projection.awaitVersion(token.source(), token.subject(), token.version(), left)) {
                return false;
            }
        }
        return true;
    }
}
