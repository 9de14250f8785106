package io.tiergate.identity.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tiergate.identity.screening.lists.EntryKind;
import io.tiergate.identity.screening.lists.ListEntry;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The matching rules, on a small index built in memory (no list files, no framework). */
class ScreeningIndexTest {

    static final double THRESHOLD = 0.88;

    static ListEntry person(
            String id,
            String name,
            List<String> aliases,
            List<String> dobs,
            List<String> nationalities,
            List<String> identifiers) {
        return new ListEntry(
                "TEST", id, EntryKind.PERSON, name, aliases, dobs, nationalities, identifiers, List.of("SDGT"));
    }

    static ListEntry organization(String id, String name, List<String> aliases, List<String> countries) {
        return new ListEntry(
                "TEST", id, EntryKind.ORGANIZATION, name, aliases, List.of(), countries, List.of(), List.of("NPWMD"));
    }

    static final ScreeningIndex INDEX = new ScreeningIndex(
            "test",
            List.of(
                    person(
                            "1",
                            "Ivan Petrovich SIDOROV",
                            List.of("Ivan Sidorov", "Иван Сидоров"),
                            List.of("1971-03-12"),
                            List.of("RU"),
                            List.of("7100123456")),
                    person(
                            "2",
                            "Mohammed AL-RASHID",
                            List.of("محمد الرشيد"),
                            List.of("1965"),
                            List.of("SY"),
                            List.of()),
                    person("3", "WANG Li", List.of("王力"), List.of("1980-02-02"), List.of("CN"), List.of()),
                    person("4", "Hélène DUBOIS-MARCHAND", List.of(), List.of("1975"), List.of("FR"), List.of()),
                    person("5", "John SMITH", List.of(), List.of("1950-01-01"), List.of("GB"), List.of()),
                    organization(
                            "6",
                            "Northwind Dual-Use Trading Limited",
                            List.of("Northwind Trading Ltd"),
                            List.of("IR"))));

    static List<ScreeningHit> screen(ScreeningQuery query) {
        return INDEX.screen(query, THRESHOLD);
    }

    static ScreeningQuery person(String name, String dob, String... nationalities) {
        return ScreeningQuery.person(name, dob == null ? null : LocalDate.parse(dob), List.of(nationalities));
    }

    static void assertHit(List<ScreeningHit> hits, String entryId, ScreeningHit.MatchedOn on) {
        assertTrue(!hits.isEmpty(), "expected a hit on entry " + entryId);
        assertEquals(entryId, hits.get(0).entryId(), hits.toString());
        assertEquals(on, hits.get(0).matchedOn(), hits.toString());
        assertTrue(hits.get(0).score() >= THRESHOLD);
        assertTrue(!hits.get(0).fields().isEmpty(), "every hit is explained");
    }

    @Test
    void aTransliteratedAndReorderedNameIsAHit() {
        assertHit(screen(person("Сидоров Иван", "1971-03-12", "RU")), "1", ScreeningHit.MatchedOn.ALIAS);
        assertHit(screen(person("Sidorov Ivan", null)), "1", ScreeningHit.MatchedOn.ALIAS);
        assertHit(screen(person("محمد الرشيد", "1965-07-01")), "2", ScreeningHit.MatchedOn.ALIAS);
        assertHit(screen(person("王力", "1980-02-02", "CN")), "3", ScreeningHit.MatchedOn.NAME);
        assertHit(screen(person("Li Wang", "1980-02-02")), "3", ScreeningHit.MatchedOn.NAME);
    }

    @Test
    void droppedDiacriticsAndPunctuationStillMatch() {
        List<ScreeningHit> hits = screen(person("Helene Dubois Marchand", "1975-06-30", "FR"));
        assertHit(hits, "4", ScreeningHit.MatchedOn.NAME);
        assertTrue(
                hits.get(0).fields().stream().anyMatch(f -> f.startsWith("dateOfBirth: matches 1975")),
                hits.toString());
    }

    @Test
    void aOneLetterTypoIsAHit() {
        assertHit(screen(person("Ivan Sidorof", "1971-03-12")), "1", ScreeningHit.MatchedOn.ALIAS);
        assertHit(screen(person("Ivan Sydorov", "1971-03-12")), "1", ScreeningHit.MatchedOn.ALIAS);
    }

    @Test
    void anAliasIsAHit() {
        assertHit(
                screen(ScreeningQuery.organization("Northwind Trading Limited", "IR")),
                "6",
                ScreeningHit.MatchedOn.ALIAS);
    }

    @Test
    void aCompanyWithAChangedSuffixIsAHit() {
        List<ScreeningHit> hits = screen(ScreeningQuery.organization("NORTHWIND DUAL USE TRADING LTD.", null));
        assertHit(hits, "6", ScreeningHit.MatchedOn.NAME);
        assertEquals(1.0, hits.get(0).nameScore());
    }

    @Test
    void aCommonNameWithAnotherDateOfBirthIsNotAHit() {
        assertTrue(screen(person("John Smith", "1990-05-05", "US")).isEmpty());
        assertHit(screen(person("John Smith", "1950-01-01", "GB")), "5", ScreeningHit.MatchedOn.NAME);
    }

    @Test
    void anExactIdentifierIsDecisiveWhateverTheName() {
        List<ScreeningHit> hits = screen(person("Someone Else", "2000-01-01").withIdentifiers(List.of("71 0012-3456")));
        assertHit(hits, "1", ScreeningHit.MatchedOn.IDENTIFIER);
        assertEquals(1.0, hits.get(0).score());
    }

    @Test
    void unrelatedNamesAndOtherKindsAreNotHits() {
        assertTrue(screen(person("Maria Garcia", "1985-04-04", "ES")).isEmpty());
        assertTrue(screen(ScreeningQuery.organization("Ivan Sidorov", null)).isEmpty(), "people are not organizations");
        assertTrue(screen(person("Northwind Trading Ltd", null)).isEmpty(), "organizations are not people");
    }
}
