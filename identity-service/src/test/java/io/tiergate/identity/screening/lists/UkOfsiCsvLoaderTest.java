package io.tiergate.identity.screening.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class UkOfsiCsvLoaderTest {

    static final String LIST_ID = "UK_OFSI_CSV/uk-ofsi.csv";
    static final String FIXTURE = "uk-ofsi.csv";

    final ListLoader loader = ListLoaders.forFormat(ListFormat.UK_OFSI_CSV);

    @Test
    void groupsRowsByGroupId() throws IOException {
        List<ListEntry> entries = Fixtures.load(loader, FIXTURE, LIST_ID);

        assertEquals(
                List.of("90001", "90002", "90003", "90004"),
                entries.stream().map(ListEntry::entryId).toList());
        assertEquals(
                List.of(EntryKind.PERSON, EntryKind.PERSON, EntryKind.ORGANIZATION, EntryKind.VESSEL),
                entries.stream().map(ListEntry::kind).toList());
    }

    @Test
    void readsAPersonAcrossItsRows() throws IOException {
        ListEntry volkov = Fixtures.entry(Fixtures.load(loader, FIXTURE, LIST_ID), "90001");

        assertEquals("Sergei Nikolaevich VOLKOV", volkov.name(), "Name 1 to 5, then Name 6");
        assertEquals(List.of("Сергей Николаевич Волков", "Sergey VOLKOV"), volkov.aliases());
        assertEquals(List.of("1966-07-14"), volkov.datesOfBirth());
        assertEquals(List.of("RU"), volkov.nationalities());
        assertEquals(
                List.of("720011223", "530044556", "7701234567"),
                volkov.identifiers(),
                "numbered passports, then the national id");
        assertEquals(List.of("Russia"), volkov.programs());
    }

    @Test
    void takesThePrimaryNameWhereverItsRowIsAndReadsPartialDates() throws IOException {
        ListEntry mansour = Fixtures.entry(Fixtures.load(loader, FIXTURE, LIST_ID), "90002");

        assertEquals("Hassan Ali MANSOUR", mansour.name());
        assertEquals(List.of("Abu Hassan AL-ZUBAIDI", "حسن علي منصور", "Hassan MANSOUR"), mansour.aliases());
        assertEquals(List.of("1959", "1960-03"), mansour.datesOfBirth(), "00 parts; 31/02/1961 is skipped");
        assertEquals(List.of("LB", "SY"), mansour.nationalities());
        assertEquals(List.of("N00987654"), mansour.identifiers());
    }

    @Test
    void readsEntitiesAndShips() throws IOException {
        List<ListEntry> entries = Fixtures.load(loader, FIXTURE, LIST_ID);

        ListEntry vostok = Fixtures.entry(entries, "90003");
        assertEquals("VOSTOK ARMS EXPORT JSC", vostok.name());
        assertEquals(List.of("AO VOSTOK ORUZHIE", "АО Восток Оружие"), vostok.aliases());
        assertEquals(List.of("RU"), vostok.nationalities(), "an entity's address country");

        ListEntry ship = Fixtures.entry(entries, "90004");
        assertEquals("SEA BREEZE", ship.name());
        assertEquals(List.of(), ship.nationalities());
    }

    @Test
    void rejectsAFileWithoutTheHeader() {
        IOException sdn = assertThrows(IOException.class, () -> Fixtures.load(loader, "sdn.csv", LIST_ID));
        assertTrue(sdn.getMessage().contains("Name 6") && sdn.getMessage().contains("OFSI"), sdn.getMessage());

        IOException empty = assertThrows(IOException.class, () -> loader.load(Fixtures.text(""), LIST_ID));
        assertTrue(empty.getMessage().contains("Group ID"), empty.getMessage());

        assertThrows(IOException.class, () -> Fixtures.load(loader, "ofac-sdn.xml", LIST_ID));
    }
}
