package io.tiergate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The fault suite's checks notice what they are there to notice: a lost or doubled entry, a stale projection. */
class NothingLostChecksTest {

    static final UUID A = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    static final UUID B = UUID.fromString("00000000-0000-4000-8000-00000000000b");
    static final UUID C = UUID.fromString("00000000-0000-4000-8000-00000000000c");

    @Test
    void aTrailHoldingEveryEventOnceIsComplete() {
        assertEquals(
                new TrailCoverage(List.of(), List.of()), TrailCoverage.of(List.of(A, B), Map.of(A, 1, B, 1, C, 1)));
    }

    @Test
    void anEventWithoutEntryIsMissingAndOneWithTwoIsDoubled() {
        TrailCoverage coverage = TrailCoverage.of(List.of(A, B, C), Map.of(A, 1, C, 2));
        assertEquals(List.of(B), coverage.missing());
        assertEquals(List.of(C), coverage.doubled());
    }

    static final PlatformRecords.IdentityState VERIFIED =
            new PlatformRecords.IdentityState("VERIFIED", List.of("DE"), "DE");

    @Test
    void aProjectionThatSaysWhatTheSourcesHoldAgrees() {
        assertEquals(
                List.of(),
                ProjectionAgreement.disagreements(
                        List.of("s1", "s2"),
                        Map.of("s1", VERIFIED, "s2", VERIFIED),
                        Map.of("s1", Map.of("g1", "PUBLIC")),
                        Map.of(
                                "s1", new PlatformRecords.Projected(VERIFIED, Map.of("g1", "PUBLIC")),
                                "s2", new PlatformRecords.Projected(VERIFIED, Map.of()))));
    }

    @Test
    void aRevokedGrantStillProjectedAnAbsentRowAndAnOldVerdictDisagree() {
        List<String> wrong = ProjectionAgreement.disagreements(
                List.of("revoked", "absent", "rejected"),
                Map.of(
                        "revoked",
                        VERIFIED,
                        "absent",
                        VERIFIED,
                        "rejected",
                        new PlatformRecords.IdentityState("REJECTED", List.of("DE"), "DE")),
                Map.of(),
                Map.of(
                        "revoked", new PlatformRecords.Projected(VERIFIED, Map.of("g1", "PUBLIC")),
                        "rejected", new PlatformRecords.Projected(VERIFIED, Map.of())));
        assertEquals(3, wrong.size(), wrong.toString());
        assertEquals(
                List.of("revoked", "absent", "rejected"),
                wrong.stream().map(w -> w.substring(0, w.indexOf(':'))).toList());
    }
}
