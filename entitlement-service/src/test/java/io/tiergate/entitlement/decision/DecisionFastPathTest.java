package io.tiergate.entitlement.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiergate.entitlement.jurisdiction.RequestOrigin;
import io.tiergate.entitlement.policy.CapabilityPolicy;
import io.tiergate.entitlement.policy.Entitlement;
import io.tiergate.entitlement.projection.SubjectState;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the ALLOW path no longer builds per decision gives what it built before. */
class DecisionFastPathTest {

    private static final String CHAT = "fable-5:chat";

    private static Entitlement entitlement(Set<String> tiers, Duration maxAge, Entitlement.Rule onMismatch) {
        return new Entitlement(
                tiers,
                Set.of(),
                Set.of("CN"),
                Set.of(),
                Set.of("CN"),
                Set.of(),
                Set.of(),
                maxAge,
                onMismatch,
                null,
                List.of("structured-output-only"),
                List.of());
    }

    private static SubjectState subject(String tier) {
        return SubjectState.of(
                "s-1",
                SubjectState.VERIFIED,
                Set.of("US"),
                "US",
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(1),
                Map.of("g-1", tier),
                Map.of(),
                Map.of("identity-service", 1L));
    }

    @Test
    void theEntitledReasonIsMadeOncePerPolicyAndSaysWhatItSaidBefore() {
        DecisionEngine engine = new DecisionEngine();
        CapabilityPolicy policy = new CapabilityPolicy(
                "v1", Map.of(CHAT, List.of(entitlement(Set.of("RESEARCH", "PUBLIC"), Duration.ofDays(30), null))));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

        var first = engine.evaluate(policy, subject("RESEARCH"), CHAT, RequestOrigin.declared("US"), now);
        var second = engine.evaluate(policy, subject("RESEARCH"), CHAT, RequestOrigin.declared("US"), now);
        var other = engine.evaluate(policy, subject("PUBLIC"), CHAT, RequestOrigin.declared("US"), now);

        assertTrue(first.allowed());
        assertEquals(List.of(new Reason(Reason.ENTITLED, "tier RESEARCH entitles " + CHAT)), first.reasons());
        assertSame(first.reasons(), second.reasons(), "made with the policy, not per decision");
        assertEquals(List.of(new Reason(Reason.ENTITLED, "tier PUBLIC entitles " + CHAT)), other.reasons());

        // a new version of the policy gets reasons of its own
        CapabilityPolicy next = new CapabilityPolicy("v2", policy.capabilities());
        assertEquals(
                first.reasons(),
                engine.evaluate(next, subject("RESEARCH"), CHAT, RequestOrigin.declared("US"), now)
                        .reasons());
    }

    @Test
    void anAllowWithAReportedFactStillListsTheEntitledReasonFirst() {
        DecisionEngine engine = new DecisionEngine();
        CapabilityPolicy policy = new CapabilityPolicy(
                "v1", Map.of(CHAT, List.of(entitlement(Set.of("RESEARCH"), null, Entitlement.Rule.ALLOW))));

        var allowed = engine.evaluate(
                policy,
                subject("RESEARCH"),
                CHAT,
                new RequestOrigin("US", "DE", false, null),
                OffsetDateTime.now(ZoneOffset.UTC));

        assertTrue(allowed.allowed());
        assertEquals(
                List.of(Reason.ENTITLED, Reason.JURISDICTION_MISMATCH),
                allowed.reasons().stream().map(Reason::code).toList());
    }

    @Test
    void theVerificationAgeIsComparedAsThePlusAndIsBeforeItReplaces() {
        Random random = new Random(17);
        OffsetDateTime base = OffsetDateTime.of(2026, 12, 4, 12, 0, 0, 0, ZoneOffset.ofHours(2));
        for (int i = 0; i < 20_000; i++) {
            OffsetDateTime verifiedAt = base.plusSeconds(random.nextInt(1_000_000) - 500_000)
                    .plusNanos(random.nextInt(1_000_000_000))
                    .withOffsetSameInstant(ZoneOffset.ofHours(random.nextInt(25) - 12));
            Duration maxAge = Duration.ofSeconds(random.nextInt(1_000_000), random.nextInt(1_000_000_000));
            OffsetDateTime now = i % 3 == 0
                    ? verifiedAt.plus(maxAge).plusNanos(random.nextInt(3) - 1) // at the boundary, a nanosecond apart
                    : base.plusSeconds(random.nextInt(2_000_000) - 1_000_000).plusNanos(random.nextInt(1_000_000_000));
            assertEquals(
                    verifiedAt.plus(maxAge).isBefore(now),
                    DecisionEngine.expired(verifiedAt, maxAge, now),
                    verifiedAt + " + " + maxAge + " before " + now);
        }
    }
}
