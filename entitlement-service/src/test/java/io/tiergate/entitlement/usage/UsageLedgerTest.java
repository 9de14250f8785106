package io.tiergate.entitlement.usage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiergate.entitlement.policy.Budget;
import io.tiergate.entitlement.projection.SubjectState;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Budgets charged all or nothing, per subject or per organization, over sliding windows, with explicit times. */
class UsageLedgerTest {

    private static final String CAPABILITY = "fable-5:chat";
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final long T0 = 1_800_000_000_000L;

    private final UsageLedger ledger = new UsageLedger();

    private static Budget requests(Budget.Scope scope, long limit) {
        return new Budget(scope, MINUTE, limit, null);
    }

    private static Budget tokens(Budget.Scope scope, long limit) {
        return new Budget(scope, MINUTE, null, limit);
    }

    /** Holds RESEARCH through organization org-1 (grant g-org) and PUBLIC directly (grant g-own). */
    private static SubjectState member() {
        return SubjectState.of(
                "alice",
                SubjectState.VERIFIED,
                Set.of("DE"),
                "DE",
                OffsetDateTime.now(ZoneOffset.UTC),
                Map.of("g-org", "RESEARCH", "g-own", "PUBLIC"),
                Map.of("g-org", "org-1"),
                Map.of());
    }

    private static List<UsageLedger.Charge> subjectCharge(Budget budget) {
        return List.of(new UsageLedger.Charge(budget, "alice"));
    }

    @Test
    void aSubjectBudgetIsChargedToTheSubject() {
        Budget budget = requests(Budget.Scope.SUBJECT, 5);

        List<UsageLedger.Charge> charges = UsageLedger.chargesFor(List.of(budget), member(), "PUBLIC");

        assertEquals(List.of(new UsageLedger.Charge(budget, "alice")), charges);
    }

    @Test
    void anOrganizationBudgetIsChargedToTheOrganizationWhoseGrantGaveTheTier() {
        Budget subject = requests(Budget.Scope.SUBJECT, 5);
        Budget organization = requests(Budget.Scope.ORGANIZATION, 50);

        List<UsageLedger.Charge> charges = UsageLedger.chargesFor(List.of(subject, organization), member(), "RESEARCH");

        assertEquals(
                List.of(new UsageLedger.Charge(subject, "alice"), new UsageLedger.Charge(organization, "org-1")),
                charges);
    }

    @Test
    void anOrganizationBudgetIsNotChargedForATierHeldDirectly() {
        Budget organization = requests(Budget.Scope.ORGANIZATION, 50);

        assertEquals(List.of(), UsageLedger.chargesFor(List.of(organization), member(), "PUBLIC"));
        assertEquals(List.of(), UsageLedger.chargesFor(List.of(organization), member(), null));
    }

    @Test
    void aTierHeldBothDirectlyAndThroughAnOrganizationChargesNoOrganization() {
        SubjectState both = SubjectState.of(
                "alice",
                SubjectState.VERIFIED,
                Set.of("DE"),
                "DE",
                null,
                Map.of("g-org", "RESEARCH", "g-own", "RESEARCH"),
                Map.of("g-org", "org-1"),
                Map.of());

        assertEquals(
                List.of(), UsageLedger.chargesFor(List.of(requests(Budget.Scope.ORGANIZATION, 5)), both, "RESEARCH"));
    }

    @Test
    void aRequestBudgetAllowsItsLimitThenSaysExhausted() {
        List<UsageLedger.Charge> charges = subjectCharge(requests(Budget.Scope.SUBJECT, 2));

        UsageLedger.Outcome first = ledger.charge(CAPABILITY, charges, T0);
        UsageLedger.Outcome second = ledger.charge(CAPABILITY, charges, T0 + 1);
        UsageLedger.Outcome third = ledger.charge(CAPABILITY, charges, T0 + 2);

        assertFalse(first.exhausted());
        assertEquals(1L, first.statuses().get(0).requestsRemaining());
        assertFalse(second.exhausted());
        assertEquals(0L, second.statuses().get(0).requestsRemaining());
        assertTrue(third.exhausted());
        assertEquals(0L, third.statuses().get(0).requestsRemaining());
        assertEquals(2L, third.statuses().get(0).requestsLimit());
        assertNull(third.statuses().get(0).tokensLimit());
    }

    @Test
    void aSpentBudgetIsAvailableAgainOnceTheWindowSlidPast() {
        List<UsageLedger.Charge> charges = subjectCharge(requests(Budget.Scope.SUBJECT, 1));
        ledger.charge(CAPABILITY, charges, T0);

        assertTrue(ledger.charge(CAPABILITY, charges, T0 + 30_000).exhausted());
        assertFalse(ledger.charge(CAPABILITY, charges, T0 + MINUTE.toMillis()).exhausted());
    }

    @Test
    void chargingIsAllOrNothingAcrossBudgets() {
        Budget subject = requests(Budget.Scope.SUBJECT, 10);
        Budget organization = requests(Budget.Scope.ORGANIZATION, 1);
        List<UsageLedger.Charge> charges =
                List.of(new UsageLedger.Charge(subject, "alice"), new UsageLedger.Charge(organization, "org-1"));
        ledger.charge(CAPABILITY, charges, T0);

        UsageLedger.Outcome refused = ledger.charge(CAPABILITY, charges, T0 + 1);

        assertTrue(refused.exhausted());
        assertEquals(
                9L,
                refused.statuses().get(0).requestsRemaining(),
                "the subject's budget is not charged for a request the organization's budget refused");
        assertEquals(0L, refused.statuses().get(1).requestsRemaining());
    }

    @Test
    void reportedTokensSpendATokenBudget() {
        List<UsageLedger.Charge> charges = subjectCharge(tokens(Budget.Scope.SUBJECT, 1_000));
        assertFalse(ledger.charge(CAPABILITY, charges, T0).exhausted());

        ledger.addTokens(CAPABILITY, charges, 600, T0, T0 + 10);
        UsageLedger.Outcome partly = ledger.charge(CAPABILITY, charges, T0 + 20);
        ledger.addTokens(CAPABILITY, charges, 400, T0 + 20, T0 + 30);
        UsageLedger.Outcome spent = ledger.charge(CAPABILITY, charges, T0 + 40);

        assertFalse(partly.exhausted());
        assertEquals(400L, partly.statuses().get(0).tokensRemaining());
        assertNull(partly.statuses().get(0).requestsRemaining(), "a token budget sets no request limit");
        assertTrue(spent.exhausted());
        assertEquals(0L, spent.statuses().get(0).tokensRemaining());
    }

    @Test
    void budgetsAreKeptPerCapabilityAndHolder() {
        Budget budget = requests(Budget.Scope.SUBJECT, 1);
        ledger.charge(CAPABILITY, subjectCharge(budget), T0);

        assertFalse(ledger.charge("mythos-5:chat", subjectCharge(budget), T0).exhausted());
        assertFalse(ledger.charge(CAPABILITY, List.of(new UsageLedger.Charge(budget, "bob")), T0)
                .exhausted());
        assertTrue(ledger.charge(CAPABILITY, subjectCharge(budget), T0).exhausted());
    }

    @Test
    void whatOtherInstancesCountedSpendsTheBudgetHereToo() {
        Budget budget = requests(Budget.Scope.SUBJECT, 3);
        UsageLedger.Key key = UsageLedger.key(budget, "alice", CAPABILITY);

        ledger.addObserved(key, 3, 0, T0 - 5_000, T0);

        assertTrue(ledger.charge(CAPABILITY, subjectCharge(budget), T0).exhausted());
    }

    @Test
    void countedRequestsAreSharedOnceAndARefusedOneNever() {
        Budget budget = requests(Budget.Scope.SUBJECT, 2);
        UsageLedger.Key key = UsageLedger.key(budget, "alice", CAPABILITY);
        ledger.charge(CAPABILITY, subjectCharge(budget), T0);
        ledger.charge(CAPABILITY, subjectCharge(budget), T0);
        ledger.charge(CAPABILITY, subjectCharge(budget), T0); // refused

        Map<UsageLedger.Key, long[]> first = ledger.drainUnshared();

        assertEquals(Set.of(key), first.keySet());
        assertArrayEquals(new long[] {2, 0}, first.get(key));
        assertTrue(ledger.drainUnshared().isEmpty(), "a delta is handed out once");
    }

    @Test
    void countersIdleForTwoWindowsAreForgotten() {
        Budget budget = requests(Budget.Scope.SUBJECT, 5);
        ledger.charge(CAPABILITY, subjectCharge(budget), T0);
        ledger.charge(CAPABILITY, List.of(new UsageLedger.Charge(budget, "bob")), T0 + MINUTE.toMillis());
        ledger.drainUnshared();

        ledger.forgetIdleCounters(T0 + 2 * MINUTE.toMillis() + 1);

        assertEquals(1, ledger.counterCount(), "alice's counter went, bob's stayed");
        assertEquals(
                4L,
                ledger.statuses(CAPABILITY, List.of(new UsageLedger.Charge(budget, "bob")), T0 + MINUTE.toMillis() + 1)
                        .get(0)
                        .requestsRemaining(),
                "bob's count is still there");
    }

    @Test
    void theScheduledCleanUpReadsTheInjectedClock() {
        Budget budget = requests(Budget.Scope.SUBJECT, 5);
        ledger.charge(CAPABILITY, subjectCharge(budget), T0);
        ledger.clock = java.time.Clock.fixed(java.time.Instant.ofEpochMilli(T0 + MINUTE.toMillis()), ZoneOffset.UTC);

        ledger.forgetIdleCounters();
        assertEquals(1, ledger.counterCount(), "one window idle is not enough");

        ledger.clock =
                java.time.Clock.fixed(java.time.Instant.ofEpochMilli(T0 + 3 * MINUTE.toMillis()), ZoneOffset.UTC);
        ledger.forgetIdleCounters();
        assertEquals(0, ledger.counterCount());
    }
}
