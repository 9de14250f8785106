package io.tiergate.entitlement.decision;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Decision events published on {@link io.tiergate.entitlement.events.Topics#decisions()} for the audit trail; see docs/events/. */
public final class DecisionEvents {

    public static final String DENIED = "tiergate.decision.denied";
    /** ALLOWs are not logged one by one: per subject, capability and window (a minute), one count. */
    public static final String ALLOWED_AGGREGATE = "tiergate.decision.allowed.aggregate";

    private DecisionEvents() {}

    public record DecisionMade(
            UUID decisionId,
            String capability,
            String jurisdiction,
            Decision.Verdict decision,
            List<Reason> reasons,
            String policyVersion) {}

    public record AllowedAggregate(
            String capability,
            OffsetDateTime windowStart,
            OffsetDateTime windowEnd,
            long count,
            String policyVersion) {}

    record Pending(String subject, String type, Object data) {}
}
