package io.tiergate.entitlement.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tiergate.entitlement.usage.BudgetStatus;
import java.util.List;
import java.util.UUID;

/**
 * The answer to a gateway: ALLOW or DENY with every reason, the obligations the gateway must apply, what is left
 * of each usage budget, the policy version that decided, and the consistency token: the projection position of the
 * subject the decision was made at ({@code source:subject:version}, comma-separated).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Decision(
        Verdict decision,
        List<Reason> reasons,
        List<String> obligations,
        List<BudgetStatus> budgets,
        String policyVersion,
        String consistencyToken,
        UUID decisionId) {

    public enum Verdict {
        ALLOW,
        DENY
    }

    public boolean allowed() {
        return decision == Verdict.ALLOW;
    }
}
