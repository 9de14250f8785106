package io.tiergate.entitlement.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiergate.entitlement.campaign.ContainedAccounts;
import io.tiergate.entitlement.campaign.Containment;
import io.tiergate.entitlement.campaign.ContainmentLevel;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What containment makes of a decision, at each level, whatever the policy would have said; no infrastructure. */
class CampaignContainmentDecisionTest {

    private static final UUID CAMPAIGN = UUID.randomUUID();
    private static final Reason ENTITLED = new Reason(Reason.ENTITLED, "RESEARCH entitles mythos-5:chat");
    private static final DecisionEngine.Evaluation ALLOWED =
            new DecisionEngine.Evaluation(true, List.of(ENTITLED), null, "RESEARCH");
    private static final DecisionEngine.Evaluation REFUSED =
            DecisionEngine.Evaluation.deny(new Reason(Reason.NO_ACTIVE_TIER, "no active grant"));

    private static Containment at(ContainmentLevel level) {
        ContainedAccounts accounts = new ContainedAccounts();
        accounts.contain("s", CAMPAIGN, level);
        return accounts.of("s");
    }

    private static List<String> codes(Decision decision) {
        return decision.reasons().stream().map(Reason::code).toList();
    }

    @Test
    void denyLevelDeniesWhatThePolicyAllows() {
        Decision decision = DecisionService.containedDenial(at(ContainmentLevel.DENY), ALLOWED, "v1", "p");
        assertEquals(Decision.Verdict.DENY, decision.decision());
        assertEquals(List.of(Reason.CAMPAIGN_CONTAINED), codes(decision));
        assertNull(decision.obligations());
        assertEquals("v1", decision.policyVersion());
        assertEquals("p", decision.consistencyToken());
    }

    @Test
    void stepUpDeniesAndAsksForVerification() {
        Decision decision = DecisionService.containedDenial(at(ContainmentLevel.STEP_UP), ALLOWED, "v1", null);
        assertEquals(Decision.Verdict.DENY, decision.decision());
        assertEquals(List.of(Reason.CAMPAIGN_CONTAINED), codes(decision));
        assertEquals(List.of(ContainmentLevel.STEP_UP_OBLIGATION), decision.obligations());
    }

    @Test
    void aDenialThePolicyWouldMakeAnywayKeepsItsReasonsAfterTheContainment() {
        Decision decision = DecisionService.containedDenial(at(ContainmentLevel.DENY), REFUSED, "v1", null);
        assertEquals(List.of(Reason.CAMPAIGN_CONTAINED, Reason.NO_ACTIVE_TIER), codes(decision));
        assertFalse(decision.allowed());
    }

    @Test
    void throttleAllowsWithTheReasonAndTheThrottleObligation() {
        Containment throttled = at(ContainmentLevel.THROTTLE);
        assertFalse(throttled.level().denies());
        assertEquals(
                List.of(Reason.ENTITLED, Reason.CAMPAIGN_CONTAINED),
                DecisionService.throttledReasons(throttled, List.of(ENTITLED)).stream()
                        .map(Reason::code)
                        .toList());
        assertEquals(
                List.of("structured-output-only", ContainmentLevel.THROTTLE_OBLIGATION),
                DecisionService.throttledObligations(List.of("structured-output-only")));
        assertEquals(List.of(ContainmentLevel.THROTTLE_OBLIGATION), DecisionService.throttledObligations(List.of()));
    }

    @Test
    void theReasonNamesTheCampaignAndLevelButNoAccountData() {
        Decision decision = DecisionService.containedDenial(at(ContainmentLevel.DENY), ALLOWED, "v1", null);
        String message = decision.reasons().get(0).message();
        assertTrue(message.contains(CAMPAIGN.toString()) && message.contains("DENY"), message);
    }
}
