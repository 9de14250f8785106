package io.tiergate.entitlement.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiergate.entitlement.policy.Budget;
import io.tiergate.entitlement.usage.BudgetStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each factory puts in a decision, and what it leaves out of the answer. */
class DecisionTest {

    private static final Reason ENTITLED = new Reason(Reason.ENTITLED, "RESEARCH entitles mythos-5:chat");
    private static final Reason NO_TIER = new Reason(Reason.NO_ACTIVE_TIER, "no active grant");
    private static final List<BudgetStatus> BUDGETS =
            List.of(new BudgetStatus(Budget.Scope.SUBJECT, Duration.ofMinutes(1), 10L, 9L, null, null));

    @Test
    void anAllowCarriesReasonsObligationsBudgetsVersionAndToken() {
        Decision allow = Decision.allow(List.of(ENTITLED), List.of("structured-output-only"), BUDGETS, "v1", "p");

        assertEquals(Decision.Verdict.ALLOW, allow.decision());
        assertTrue(allow.allowed());
        assertEquals(List.of(ENTITLED), allow.reasons());
        assertEquals(List.of("structured-output-only"), allow.obligations());
        assertEquals(BUDGETS, allow.budgets());
        assertEquals("v1", allow.policyVersion());
        assertEquals("p", allow.consistencyToken());
        assertNotNull(allow.decisionId());
    }

    @Test
    void anAllowWithoutObligationsLeavesThemOut() {
        assertNull(
                Decision.allow(List.of(ENTITLED), List.of(), null, "v1", null).obligations());
        assertNull(Decision.allow(List.of(ENTITLED), null, null, "v1", null).obligations());
    }

    @Test
    void aDenyCarriesItsReasonsAndNothingToApply() {
        Decision deny = Decision.deny(List.of(NO_TIER), "v1", "p");

        assertEquals(Decision.Verdict.DENY, deny.decision());
        assertFalse(deny.allowed());
        assertEquals(List.of(NO_TIER), deny.reasons());
        assertNull(deny.obligations());
        assertNull(deny.budgets());
        assertEquals("v1", deny.policyVersion());
        assertEquals("p", deny.consistencyToken());
    }

    @Test
    void obligationsAndBudgetsAddedToADenyKeepEverythingElse() {
        Decision deny = Decision.deny(List.of(NO_TIER), "v1", "p");

        Decision withBoth = deny.withObligations(List.of("step-up")).withBudgets(BUDGETS);

        assertEquals(
                new Decision(
                        Decision.Verdict.DENY,
                        List.of(NO_TIER),
                        List.of("step-up"),
                        BUDGETS,
                        "v1",
                        "p",
                        deny.decisionId()),
                withBoth);
    }

    @Test
    void everyDecisionHasAnIdOfItsOwn() {
        assertNotEquals(
                Decision.deny(List.of(NO_TIER), "v1", null).decisionId(),
                Decision.deny(List.of(NO_TIER), "v1", null).decisionId());
    }
}
