package io.tiergate.identity.screening.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnConsolidatedXmlLoaderTest {

    static final String LIST_ID = "UN_XML/un-consolidated.xml";
    static final String FIXTURE = "un-consolidated.xml";

    final ListLoader loader = ListLoaders.forFormat(ListFormat.UN_XML);

    @Test
    void readsIndividualsThenEntities() throws IOException {
        List<ListEntry> entries = Fixtures.load(loader, FIXTURE, LIST_ID);

        assertEquals(
                List.of("6900001", "6900002", "6900003", "6900010"),
                entries.stream().map(ListEntry::entryId).toList());
        assertEquals(
                List.of(EntryKind.PERSON, EntryKind.PERSON, EntryKind.PERSON, EntryKind.ORGANIZATION),
                entries.stream().map(ListEntry::kind).toList());
    }

    @Test
    void readsAnIndividual() throws IOException {
        ListEntry pak = Fixtures.entry(Fixtures.load(loader, FIXTURE, LIST_ID), "6900001");

        assertEquals("PAK SONG CHOL", pak.name());
        assertEquals(List.of("박성철", "Pak Song-chol"), pak.aliases(), "original script, then aliases; empty skipped");
        assertEquals(List.of("1968-03-26"), pak.datesOfBirth());
        assertEquals(List.of("KP"), pak.nationalities(), "the UN's long name; the address (Russia) is not one");
        assertEquals(List.of("381420565"), pak.identifiers());
        assertEquals(List.of("DPRK"), pak.programs());
    }

    @Test
    void readsFourNamesSeveralNationalitiesAndSkipsRangesAndBadDates() throws IOException {
        List<ListEntry> entries = Fixtures.load(loader, FIXTURE, LIST_ID);

        ListEntry harbawi = Fixtures.entry(entries, "6900002");
        assertEquals("KHALID IBRAHIM SALEH AL-HARBAWI", harbawi.name());
        assertEquals(
                List.of("خالد ابراهيم صالح الحرباوي", "Abu Saleh al-Iraqi", "Khalid al-Harbawi"), harbawi.aliases());
        assertEquals(List.of("IQ", "SY"), harbawi.nationalities());
        assertEquals(List.of("1972"), harbawi.datesOfBirth(), "a range and 1975-13-40 are skipped");
        assertEquals(List.of("00778899"), harbawi.identifiers());

        ListEntry safizada = Fixtures.entry(entries, "6900003");
        assertEquals(List.of("1965", "1966"), safizada.datesOfBirth());
        assertEquals(List.of("AF"), safizada.nationalities());
        assertEquals(List.of("Taliban"), safizada.programs());
    }

    @Test
    void readsAnEntity() throws IOException {
        ListEntry paeksan = Fixtures.entry(Fixtures.load(loader, FIXTURE, LIST_ID), "6900010");

        assertEquals("PAEKSAN ORE EXPORT CORPORATION", paeksan.name());
        assertEquals(List.of("Paeksan Trading"), paeksan.aliases());
        assertEquals(List.of("KP"), paeksan.nationalities(), "an entity's address country");
        assertEquals(List.of(), paeksan.datesOfBirth());
    }

    @Test
    void rejectsAnotherListWithWhatItExpected() {
        IOException e = assertThrows(IOException.class, () -> Fixtures.load(loader, "eu-fsf.xml", LIST_ID));
        assertTrue(
                e.getMessage().contains("<CONSOLIDATED_LIST>") && e.getMessage().contains("<export>"), e.getMessage());

        IOException json =
                assertThrows(IOException.class, () -> Fixtures.load(loader, "opensanctions.ftm.json", LIST_ID));
        assertTrue(json.getMessage().contains("UN Security Council"), json.getMessage());
    }
}
