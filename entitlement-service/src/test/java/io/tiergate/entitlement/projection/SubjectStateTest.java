package io.tiergate.entitlement.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiergate.entitlement.policy.Budget;
import io.tiergate.entitlement.usage.UsageLedger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the engine reads of a projected subject: tiers, the organization behind one, and its position. */
class SubjectStateTest {

    private static SubjectState state(
            Map<String, String> grants, Map<String, String> organizations, Map<String, Long> versions) {
        return SubjectState.of(
                "alice", SubjectState.VERIFIED, Set.of("DE"), "DE", null, grants, organizations, versions);
    }

    @Test
    void activeTiersAreTheDistinctTiersOfActiveGrants() {
        SubjectState state = state(Map.of("g1", "RESEARCH", "g2", "PUBLIC", "g3", "RESEARCH"), Map.of(), Map.of());

        assertEquals(Set.of("PUBLIC", "RESEARCH"), state.activeTiers());
        assertEquals("RESEARCH", state.tierAmong(Set.of("RESEARCH", "GOVERNMENT")));
        assertNull(state.tierAmong(Set.of("GOVERNMENT")));
    }

    @Test
    void activeTiersAreInPrecedenceOrderTheMostPrivilegedFirstNotAlphabetical() {
        SubjectState state = state(
                Map.of("g1", "PUBLIC", "g2", "ENTERPRISE", "g3", "GOVERNMENT", "g4", "RESEARCH"), Map.of(), Map.of());

        assertEquals(List.of("GOVERNMENT", "RESEARCH", "ENTERPRISE", "PUBLIC"), List.copyOf(state.activeTiers()));
        // each pair here is the other way round alphabetically
        assertEquals("RESEARCH", state.tierAmong(Set.of("PUBLIC", "RESEARCH")));
        assertEquals("RESEARCH", state.tierAmong(Set.of("ENTERPRISE", "RESEARCH")));
        assertEquals("GOVERNMENT", state.tierAmong(Set.of("ENTERPRISE", "GOVERNMENT")));
        assertEquals("GOVERNMENT", state.tierAmong(Set.of("PUBLIC", "GOVERNMENT", "RESEARCH", "ENTERPRISE")));
    }

    @Test
    void aTierNameNoOneKnowsComesAfterTheKnownOnes() {
        SubjectState state = state(Map.of("g1", "PUBLIC", "g2", "ASTRONAUT"), Map.of(), Map.of());

        assertEquals(List.of("PUBLIC", "ASTRONAUT"), List.copyOf(state.activeTiers()));
    }

    @Test
    void theOrganizationBudgetIsChargedToTheOrganizationOfTheMostPrivilegedTierTheEntitlementNames() {
        // RESEARCH through an institute, PUBLIC directly; the entitlement is for both
        SubjectState researcher =
                state(Map.of("g-org", "RESEARCH", "g-own", "PUBLIC"), Map.of("g-org", "institute-1"), Map.of());
        Budget institute = new Budget(Budget.Scope.ORGANIZATION, Duration.ofDays(1), 1000L, null);

        String tier = researcher.tierAmong(Set.of("PUBLIC", "RESEARCH"));

        assertEquals("RESEARCH", tier, "alphabetically PUBLIC, held directly, would charge no organization");
        assertEquals(
                List.of(new UsageLedger.Charge(institute, "institute-1")),
                UsageLedger.chargesFor(List.of(institute), researcher, tier));
    }

    @Test
    void theOrganizationForATierIsTheOneWhoseGrantGaveIt() {
        SubjectState state = state(Map.of("g1", "RESEARCH", "g2", "PUBLIC"), Map.of("g1", "org-7"), Map.of());

        assertEquals("org-7", state.organizationFor("RESEARCH"));
        assertNull(state.organizationFor("PUBLIC"), "held directly");
        assertNull(state.organizationFor("GOVERNMENT"), "not held at all");
    }

    @Test
    void aTierAlsoHeldDirectlyHasNoOrganizationToCharge() {
        SubjectState state = state(Map.of("g1", "RESEARCH", "g2", "RESEARCH"), Map.of("g1", "org-7"), Map.of());

        assertNull(state.organizationFor("RESEARCH"));
    }

    @Test
    void thePositionIsAConsistencyTokenPerSource() {
        Map<String, Long> versions = new LinkedHashMap<>();
        versions.put("identity-service", 4L);
        versions.put("tier-service", 9L);

        SubjectState state = state(Map.of(), Map.of(), versions);

        assertEquals("identity-service:alice:4,tier-service:alice:9", state.position());
        assertEquals(9L, state.appliedVersion("tier-service"));
        assertEquals(0L, state.appliedVersion("audit-service"));
        assertEquals("", state(Map.of(), Map.of(), Map.of()).position());
    }

    @Test
    void aStateDominatesAnotherWhenItHasSeenAtLeastAsMuchFromEverySource() {
        SubjectState newer = state(Map.of(), Map.of(), Map.of("identity-service", 4L, "tier-service", 9L));
        SubjectState older = state(Map.of(), Map.of(), Map.of("identity-service", 4L, "tier-service", 8L));
        SubjectState other = state(Map.of(), Map.of(), Map.of("audit-service", 1L));

        assertTrue(newer.dominates(older));
        assertFalse(older.dominates(newer));
        assertFalse(newer.dominates(other), "a source it has never seen");
        assertTrue(newer.dominates(newer));
    }

    @Test
    void onlyAVerifiedIdentityCountsAsVerified() {
        assertTrue(state(Map.of(), Map.of(), Map.of()).isVerified());
        assertFalse(SubjectState.of("bob", "REVOKED", Set.of(), null, null, Map.of(), Map.of(), Map.of())
                .isVerified());
    }
}
