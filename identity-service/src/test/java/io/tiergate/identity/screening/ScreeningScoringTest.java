package io.tiergate.identity.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiergate.identity.screening.lists.EntryKind;
import io.tiergate.identity.screening.lists.ListEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the score of a candidate is made and bounded: name similarity, then date of birth and nationality. */
class ScreeningScoringTest {

    private static ListEntry person(
            String id, String name, List<String> dobs, List<String> nationalities, List<String> identifiers) {
        return new ListEntry(
                "TEST", id, EntryKind.PERSON, name, List.of(), dobs, nationalities, identifiers, List.of("SDGT"));
    }

    private static double score(List<ScreeningHit> hits) {
        assertEquals(1, hits.size(), hits.toString());
        return hits.get(0).score();
    }

    @Test
    void nameScoreIgnoresTokenOrderAndIsSymmetric() {
        String[] a = {"ivan", "petrovich", "sidorov"};
        String[] b = {"sidorov", "ivan"};

        assertEquals(1.0, ScreeningIndex.nameScore(new String[] {"li", "wang"}, new String[] {"wang", "li"}), 1e-9);
        assertEquals(ScreeningIndex.nameScore(a, b), ScreeningIndex.nameScore(b, a), 1e-12);
        double missingMiddleName = ScreeningIndex.nameScore(a, b);
        assertTrue(missingMiddleName > 0.7 && missingMiddleName < 1.0, "lower, not zero: " + missingMiddleName);
    }

    @Test
    void aSharedSkeletonRaisesOneTokenOnly() {
        String[] mahdiAhmadi = {"mhdy", "ahmdy"}; // مهدی احمدی romanised: both skeletons are "md", as Mohammed's
        String[] mohammedRashid = {"mhmd", "rshyd"}; // محمد الرشيد
        String[] listed = {"mohammed", "rashid"};
        boolean[] transliterated = {true, true};
        boolean[] latin = {false, false};

        double stranger = ScreeningIndex.nameScore(
                mahdiAhmadi,
                ScreeningIndex.skeletons(mahdiAhmadi),
                transliterated,
                listed,
                ScreeningIndex.skeletons(listed),
                latin);
        double same = ScreeningIndex.nameScore(
                mohammedRashid,
                ScreeningIndex.skeletons(mohammedRashid),
                transliterated,
                listed,
                ScreeningIndex.skeletons(listed),
                latin);

        assertTrue(
                stranger < CrossScriptScreeningTest.THRESHOLD - ScreeningIndex.DOB_MATCH,
                "one of mhdy, ahmdy may be mohammed, not both: " + stranger);
        assertTrue(same >= ScreeningIndex.SKELETON_MATCH, "the same name from Arabic: " + same);
    }

    @Test
    void aPartialListDateAgreesWithEveryDateItContains() {
        LocalDate date = LocalDate.of(1971, 3, 12);

        assertTrue(ScreeningIndex.compatible(date, "1971"));
        assertTrue(ScreeningIndex.compatible(date, "1971-03"));
        assertTrue(ScreeningIndex.compatible(date, "1971-03-12"));
        assertFalse(ScreeningIndex.compatible(date, "1971-04"));
        assertFalse(ScreeningIndex.compatible(date, "1972"));
        assertFalse(ScreeningIndex.compatible(date, ""), "an empty date agrees with nothing");
    }

    @Test
    void dateOfBirthAndNationalityMoveTheScoreByTheirWeights() {
        ScreeningIndex index = new ScreeningIndex(
                "t", List.of(person("1", "Ivan SIDOROV", List.of("1971-03-12"), List.of("RU"), List.of())));

        double bare = score(index.screen(ScreeningQuery.person("Ivan Sidorov", null, List.of()), 0.5));
        double dobMatch =
                score(index.screen(ScreeningQuery.person("Ivan Sidorov", LocalDate.of(1971, 3, 12), List.of()), 0.5));
        double natMismatch = score(index.screen(ScreeningQuery.person("Ivan Sidorov", null, List.of("DE")), 0.5));
        double dobMismatch =
                score(index.screen(ScreeningQuery.person("Ivan Sidorov", LocalDate.of(1990, 1, 1), List.of()), 0.5));

        assertEquals(1.0, bare, 1e-9);
        assertEquals(1.0, dobMatch, 1e-9, "a score never goes above 1");
        assertEquals(1.0 + ScreeningIndex.NATIONALITY_MISMATCH, natMismatch, 1e-3);
        assertEquals(1.0 + ScreeningIndex.DOB_MISMATCH, dobMismatch, 1e-3);
    }

    @Test
    void aHitExplainsEachFieldThatMovedItsScore() {
        ScreeningIndex index = new ScreeningIndex(
                "t", List.of(person("1", "Ivan SIDOROV", List.of("1971"), List.of("RU"), List.of())));

        List<String> fields = index.screen(
                        ScreeningQuery.person("Ivan Sidorov", LocalDate.of(1971, 3, 12), List.of("RU")), 0.88)
                .get(0)
                .fields();

        assertEquals(3, fields.size(), fields.toString());
        assertTrue(fields.get(0).startsWith("name:"));
        assertTrue(fields.get(1).startsWith("dateOfBirth: matches 1971"));
        assertTrue(fields.get(2).startsWith("nationality: shares"));
    }

    @Test
    void theThresholdDecidesWhatIsAHit() {
        ScreeningIndex index = new ScreeningIndex(
                "t", List.of(person("1", "Ivan SIDOROV", List.of("1971-03-12"), List.of(), List.of())));
        ScreeningQuery otherBirthday = ScreeningQuery.person("Ivan Sidorov", LocalDate.of(1990, 1, 1), List.of());

        assertEquals(List.of(), index.screen(otherBirthday, 0.88));
        assertEquals(1, index.screen(otherBirthday, 0.75).size());
    }

    @Test
    void hitsComeBestFirstAndAtMostTen() {
        List<ListEntry> entries = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            entries.add(person(
                    String.valueOf(i), "Ivan SIDOROV", i % 2 == 0 ? List.of("1971") : List.of(), List.of(), List.of()));
        }
        ScreeningIndex index = new ScreeningIndex("t", entries);

        List<ScreeningHit> hits =
                index.screen(ScreeningQuery.person("Ivan Sidorov", LocalDate.of(1971, 3, 12), List.of()), 0.5);

        assertEquals(10, hits.size());
        for (int i = 1; i < hits.size(); i++) {
            assertTrue(hits.get(i - 1).score() >= hits.get(i).score(), hits.toString());
        }
    }

    @Test
    void identifiersShorterThanFiveCharactersAreNotDecisive() {
        ScreeningIndex index = new ScreeningIndex(
                "t", List.of(person("1", "Ivan SIDOROV", List.of(), List.of(), List.of("A12", "P 7100-123"))));

        assertEquals(
                List.of(), index.screen(new ScreeningQuery("Jane Doe", false, null, List.of(), List.of("A12")), 0.88));
        List<ScreeningHit> hits =
                index.screen(new ScreeningQuery("Jane Doe", false, null, List.of(), List.of("p7100123")), 0.88);
        assertEquals(1, hits.size());
        assertEquals(ScreeningHit.MatchedOn.IDENTIFIER, hits.get(0).matchedOn());
        assertEquals(1.0, hits.get(0).score());
    }

    @Test
    void anEmptyIndexFindsNothing() {
        assertEquals(
                List.of(), ScreeningIndex.empty().screen(ScreeningQuery.person("Ivan Sidorov", null, List.of()), 0.0));
        assertEquals(0, ScreeningIndex.empty().size());
    }
}
