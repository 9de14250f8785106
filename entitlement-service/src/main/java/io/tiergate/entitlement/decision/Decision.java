package io.tiergate.entitlement.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tiergate.commons.event.EventIds;
import io.tiergate.entitlement.usage.BudgetStatus;
import java.util.List;
import java.util.UUID;

/**
 * The answer to a gateway: ALLOW or DENY with every reason, the obligations the gateway must apply, what is left
 * of each usage budget, the policy version that decided, and the consistency token: the projection position of the
 * subject the decision was made at ({@code source:subject:version}, comma-separated). Made by {@link #allow} and
 * {@link #deny}, each with an id of its own; what is absent is left out of the answer.
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

    /**
     * An ALLOW with the policy's reasons, the obligations the gateway must apply (none: left out) and the state of the
     * usage budgets it was charged to (null when the capability has none).
     */
    public static Decision allow(
            List<Reason> reasons,
            List<String> obligations,
            List<BudgetStatus> budgets,
            String policyVersion,
            String consistencyToken) {
        return new Decision(
                Verdict.ALLOW,
                reasons,
                obligations == null || obligations.isEmpty() ? null : obligations,
                budgets,
                policyVersion,
                consistencyToken,
                EventIds.random());
    }

    /**
     * A DENY with every reason; no obligations and no budgets unless added ({@link #withObligations},
     * {@link #withBudgets}).
     */
    public static Decision deny(List<Reason> reasons, String policyVersion, String consistencyToken) {
        return new Decision(Verdict.DENY, reasons, null, null, policyVersion, consistencyToken, EventIds.random());
    }

    /** This decision with obligations the gateway must apply (a contained account sent to step up, for one). */
    public Decision withObligations(List<String> obligations) {
        return new Decision(decision, reasons, obligations, budgets, policyVersion, consistencyToken, decisionId);
    }

    /** This decision with the state of the usage budgets (a DENY because one is spent, for one). */
    public Decision withBudgets(List<BudgetStatus> budgets) {
        return new Decision(decision, reasons, obligations, budgets, policyVersion, consistencyToken, decisionId);
    }

    public boolean allowed() {
        return decision == Verdict.ALLOW;
    }
}
