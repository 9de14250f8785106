package io.tiergate.entitlement.decision;

import java.util.List;
import java.util.UUID;

/** Decision events published on {@link #TOPIC} for the audit trail; see docs/events/. */
public final class DecisionEvents {

    public static final String TOPIC = "tiergate.decisions";
    public static final String ALLOWED = "tiergate.decision.allowed";
    public static final String DENIED = "tiergate.decision.denied";

    private DecisionEvents() {
    }

    public record DecisionMade(UUID decisionId, String capability, String jurisdiction, Decision.Verdict decision,
                               List<Reason> reasons, String policyVersion) {
    }

    record Pending(String subject, DecisionMade decision) {
    }
}
