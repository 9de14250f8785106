package io.tiergate.entitlement.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** ALLOWs counted per subject, capability, policy version and minute, taken once their minute has closed. */
class AllowedAggregatesTest {

    private static final long MINUTE = 60_000;
    /** A window start: a whole minute. */
    private static final long W = 29_000_000L * MINUTE;

    private final AllowedAggregates aggregates = new AllowedAggregates(Duration.ofMinutes(1));

    private static DecisionEvents.AllowedAggregate data(DecisionEvents.Pending pending) {
        return (DecisionEvents.AllowedAggregate) pending.data();
    }

    private static OffsetDateTime at(long millis) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }

    @Test
    void allowsOfOneSubjectAndCapabilityInAMinuteBecomeOneCount() {
        aggregates.count("alice", "fable-5:chat", "v1", W + 1);
        aggregates.count("alice", "fable-5:chat", "v1", W + 30_000);
        aggregates.count("alice", "fable-5:chat", "v1", W + MINUTE - 1);

        List<DecisionEvents.Pending> closed = aggregates.takeClosed(W + 2 * MINUTE, false);

        assertEquals(1, closed.size());
        DecisionEvents.Pending pending = closed.get(0);
        assertEquals("alice", pending.subject());
        assertEquals(DecisionEvents.ALLOWED_AGGREGATE, pending.type());
        assertEquals(
                new DecisionEvents.AllowedAggregate("fable-5:chat", at(W), at(W + MINUTE), 3, "v1"), data(pending));
    }

    @Test
    void subjectsCapabilitiesAndPolicyVersionsAreCountedApart() {
        aggregates.count("alice", "fable-5:chat", "v1", W);
        aggregates.count("bob", "fable-5:chat", "v1", W);
        aggregates.count("alice", "mythos-5:chat", "v1", W);
        aggregates.count("alice", "fable-5:chat", "v2", W);
        aggregates.count("alice", "fable-5:chat", "v2", W);

        List<DecisionEvents.Pending> closed = aggregates.takeClosed(W + 2 * MINUTE, false);

        assertEquals(4, closed.size());
        assertEquals(5, closed.stream().mapToLong(p -> data(p).count()).sum());
        assertEquals(
                2,
                closed.stream()
                        .filter(p -> "v2".equals(data(p).policyVersion()))
                        .findFirst()
                        .map(p -> data(p).count())
                        .orElseThrow());
    }

    @Test
    void eachMinuteIsItsOwnAggregate() {
        aggregates.count("alice", "fable-5:chat", "v1", W + 59_999);
        aggregates.count("alice", "fable-5:chat", "v1", W + MINUTE);

        List<DecisionEvents.Pending> closed = aggregates.takeClosed(W + 3 * MINUTE, false).stream()
                .sorted(Comparator.comparing(p -> data(p).windowStart()))
                .toList();

        assertEquals(
                List.of(at(W), at(W + MINUTE)),
                closed.stream().map(p -> data(p).windowStart()).toList());
        assertEquals(List.of(1L, 1L), closed.stream().map(p -> data(p).count()).toList());
    }

    @Test
    void aWindowIsTakenOnlyAGraceSecondAfterItClosed() {
        aggregates.count("alice", "fable-5:chat", "v1", W);

        assertEquals(List.of(), aggregates.takeClosed(W + 30_000, false), "still open");
        assertEquals(
                List.of(),
                aggregates.takeClosed(W + MINUTE + AllowedAggregates.GRACE_MILLIS - 1, false),
                "closed, but a late count may still be on its way");
        assertEquals(
                1,
                aggregates
                        .takeClosed(W + MINUTE + AllowedAggregates.GRACE_MILLIS, false)
                        .size());
        assertTrue(aggregates.isEmpty());
    }

    @Test
    void aClosedWindowIsTakenOnceAndTheOpenOneStays() {
        aggregates.count("alice", "fable-5:chat", "v1", W);
        aggregates.count("alice", "fable-5:chat", "v1", W + 2 * MINUTE);

        assertEquals(1, aggregates.takeClosed(W + 2 * MINUTE + 10, false).size());
        assertEquals(List.of(), aggregates.takeClosed(W + 2 * MINUTE + 20, false));
        assertFalse(aggregates.isEmpty(), "the open minute is kept");
    }

    @Test
    void atShutdownEveryWindowIsTakenOpenOrNot() {
        aggregates.count("alice", "fable-5:chat", "v1", W);
        aggregates.count("alice", "fable-5:chat", "v1", W + 1);

        List<DecisionEvents.Pending> all = aggregates.takeClosed(W + 2, true);

        assertEquals(1, all.size());
        assertEquals(2, data(all.get(0)).count());
        assertTrue(aggregates.isEmpty());
    }

    @Test
    void aCountAfterTheTakeStartsAFreshAggregate() {
        aggregates.count("alice", "fable-5:chat", "v1", W);
        aggregates.takeClosed(W + 2 * MINUTE, false);

        aggregates.count("alice", "fable-5:chat", "v1", W + 2 * MINUTE);

        assertEquals(
                1, data(aggregates.takeClosed(W + 4 * MINUTE, false).get(0)).count());
    }

    @Test
    void anAllowCountedWhileItsWindowIsTakenIsInExactlyOneAggregate() throws Exception {
        int threads = 4;
        int each = 250_000;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> counters = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                counters.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < each; i++) {
                        aggregates.count("s" + (i & 7), "fable-5:chat", "v1", W + i % MINUTE);
                    }
                    return null;
                }));
            }
            go.countDown();
            long taken = 0;
            // the writer takes the very window the requests count in, as at shutdown or with a count late by the grace
            while (!counters.stream().allMatch(Future::isDone)) {
                taken += total(aggregates.takeClosed(W + 2 * MINUTE, false));
            }
            for (Future<?> counter : counters) {
                counter.get(); // rethrows what a counting thread threw
            }
            taken += total(aggregates.takeClosed(W + 2 * MINUTE, false));

            assertEquals((long) threads * each, taken, "every ALLOW counted once, none lost");
            assertTrue(aggregates.isEmpty());
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static long total(List<DecisionEvents.Pending> taken) {
        return taken.stream().mapToLong(p -> data(p).count()).sum();
    }
}
