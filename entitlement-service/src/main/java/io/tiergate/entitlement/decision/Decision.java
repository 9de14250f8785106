package io.tiergate.entitlement.decision;

import java.util.List;
import java.util.UUID;

/** The answer to a gateway: ALLOW or DENY, the reasons, and the policy version that decided. */
public record Decision(Verdict decision, List<Reason> reasons, String policyVersion, UUID decisionId) {

    public enum Verdict {
        ALLOW, DENY
    }
}
