package io.tiergate.entitlement.decision;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tiergate.commons.event.ConsistencyToken;
import io.tiergate.commons.problem.ApiProblem;
import io.tiergate.entitlement.policy.CapabilityPolicy;
import io.tiergate.entitlement.policy.PolicyStore;
import io.tiergate.entitlement.projection.SubjectProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The decision API's flow: honour the consistency token, decide, record the decision for audit. */
@ApplicationScoped
public class DecisionService {

    @Inject
    SubjectProjection projection;

    @Inject
    PolicyStore policies;

    @Inject
    DecisionEngine engine;

    @Inject
    io.tiergate.entitlement.directive.ActiveDirectives directives;

    @Inject
    io.tiergate.entitlement.projection.ProjectionFreshness freshness;

    @Inject
    DecisionEventWriter events;

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "tiergate.decisions.consistency-wait", defaultValue = "PT2S")
    Duration consistencyWait;

    public Decision decide(DecisionRequest request) {
        Timer.Sample timing = Timer.start(meters);
        CapabilityPolicy policy = policies.current();
        Decision decision;
        Duration stale;
        if (request.consistencyToken() != null && !caughtUp(request.consistencyToken())) {
            // Fail closed: the caller asked for a state we cannot yet see.
            decision = engine.deny(policy, new Reason(Reason.PROJECTION_BEHIND,
                    "the decision could not reach the requested consistency token in " + consistencyWait));
        } else if (request.consistencyToken() == null && (stale = freshness.staleness()) != null) {
            // Fail closed: without a token, the projection must be known fresh within the bound.
            decision = engine.deny(policy, new Reason(Reason.PROJECTION_STALE, "the projection has not been known "
                    + "to be caught up for " + stale.toSeconds() + " s (bound " + freshness.bound() + ")"));
        } else {
            decision = engine.decide(policy, projection.get(request.subject()), request.capability(),
                    request.jurisdiction());
            decision = overridden(decision, request);
        }
        events.record(request.subject(), request.capability(), request.jurisdiction(), decision);
        timing.stop(meters.timer("tiergate.decisions", "decision", decision.decision().name()));
        return decision;
    }

    /** Directives in force override the entitlements: any refusal turns the answer to DENY, with every reason. */
    private Decision overridden(Decision decision, DecisionRequest request) {
        var state = projection.get(request.subject());
        List<Reason> refusals = directives.refusals(request.capability(),
                state == null ? java.util.Set.of() : state.nationalities(), request.jurisdiction());
        if (refusals.isEmpty()) {
            return decision;
        }
        List<Reason> reasons = new ArrayList<>(refusals);
        if (decision.decision() == Decision.Verdict.DENY) {
            reasons.addAll(decision.reasons());
        }
        return new Decision(Decision.Verdict.DENY, reasons, decision.policyVersion(), decision.decisionId());
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
        long deadline = System.nanoTime() + consistencyWait.toNanos();
        for (ConsistencyToken token : tokens) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            if (!projection.awaitVersion(token.source(), token.subject(), token.version(), left)) {
                return false;
            }
        }
        return true;
    }
}
