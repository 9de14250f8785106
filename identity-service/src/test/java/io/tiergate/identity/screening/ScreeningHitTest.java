package io.tiergate.identity.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which hits of a re-screening are new: by list and entry, whatever name or score matched this time. */
class ScreeningHitTest {

    private static ScreeningHit hit(String list, String entry, String matchedName, double score) {
        return new ScreeningHit(
                list,
                entry,
                "Entry " + entry,
                matchedName,
                ScreeningHit.MatchedOn.NAME,
                score,
                score,
                List.of("name: " + score));
    }

    @Test
    void aHitOnAnEntryNotSeenBeforeIsNew() {
        ScreeningHit old = hit("OFAC", "100", "Ivan Sidorov", 0.93);
        ScreeningHit fresh = hit("OFAC", "200", "Ivan Sidorov", 0.90);

        assertEquals(List.of(fresh), ScreeningHit.newAmong(List.of(old, fresh), List.of(old)));
    }

    @Test
    void theSameEntryMatchedByAnotherNameOrScoreIsNotNew() {
        ScreeningHit before = hit("OFAC", "100", "Ivan Sidorov", 0.93);
        ScreeningHit now = new ScreeningHit(
                "OFAC",
                "100",
                "Entry 100",
                "Иван Сидоров",
                ScreeningHit.MatchedOn.ALIAS,
                0.97,
                0.99,
                List.of("name: 0.97"));

        assertEquals(List.of(), ScreeningHit.newAmong(List.of(now), List.of(before)));
    }

    @Test
    void theSameEntryIdOnAnotherListIsNew() {
        ScreeningHit ofac = hit("OFAC", "100", "Ivan Sidorov", 0.93);
        ScreeningHit un = hit("UN", "100", "Ivan Sidorov", 0.93);

        assertEquals(List.of(un), ScreeningHit.newAmong(List.of(ofac, un), List.of(ofac)));
    }

    @Test
    void everythingIsNewWhenNothingWasKnownAndNothingWhenNothingMatched() {
        List<ScreeningHit> hits = List.of(hit("OFAC", "1", "a", 0.9), hit("EU", "2", "b", 0.9));

        assertEquals(hits, ScreeningHit.newAmong(hits, List.of()));
        assertEquals(List.of(), ScreeningHit.newAmong(List.of(), hits), "a hit that went away is not new");
    }

    @Test
    void newHitsKeepTheirOrder() {
        ScreeningHit a = hit("OFAC", "1", "a", 0.99);
        ScreeningHit b = hit("OFAC", "2", "b", 0.95);
        ScreeningHit c = hit("OFAC", "3", "c", 0.90);

        assertEquals(List.of(a, c), ScreeningHit.newAmong(List.of(a, b, c), List.of(b)));
    }
}
