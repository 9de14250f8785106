package io.tiergate.identity.screening.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfacSdnXmlLoaderTest {

    static final String LIST_ID = "OFAC_SDN_XML/ofac-sdn.xml";
    static final String FIXTURE = "ofac-sdn.xml";

    final ListLoader loader = ListLoaders.forFormat(ListFormat.OFAC_SDN_XML);

    @Test
    void readsEveryEntryInOrder() throws IOException {
        List<ListEntry> entries = Fixtures.load(loader, FIXTURE, LIST_ID);

        assertEquals(
                List.of("10001", "10002", "10003", "10004", "10005"),
                entries.stream().map(ListEntry::entryId).toList());
        assertTrue(entries.stream().allMatch(e -> e.listId().equals(LIST_ID)));
    }

    @Test
    void readsAPersonWithAliasesDatesNationalitiesAndPassport() throws IOException {
        ListEntry sidorov = Fixtures.entry(Fixtures.load(loader, FIXTURE, LIST_ID), "10001");

        assertEquals(EntryKind.PERSON, sidorov.kind());
        assertEquals("Ivan Petrovich SIDOROV", sidorov.name());
        assertEquals(List.of("Ivan SIDOROV", "Иван Сидоров"), sidorov.aliases());
        assertEquals(List.of("1971-03-12", "1972"), sidorov.datesOfBirth());
        assertEquals(
                List.of("RU", "CY"),
                sidorov.nationalities(),
                "nationality then citizenship; a person's address (Latvia) is not a nationality");
        assertEquals(List.of("7100123456"), sidorov.identifiers(), "Gender and sanctions-risk ids are not identifiers");
        assertEquals(List.of("RUSSIA-EO14024", "UKRAINE-EO13660"), sidorov.programs());
    }

    @Test
    void skipsDatesAndCountriesItCannotRead() throws IOException {
        ListEntry qadiri = Fixtures.entry(Fixtures.load(loader, FIXTURE, LIST_ID), "10002");

        assertEquals("Yusuf Abdullah AL-QADIRI", qadiri.name());
        assertEquals(List.of("1968"), qadiri.datesOfBirth(), "31 Feb 1969 and 'early 1970s' are skipped");
        assertEquals(List.of("SY"), qadiri.nationalities(), "Atlantis is skipped");
        assertEquals(List.of("N00123456", "01020304050"), qadiri.identifiers());
        assertEquals(List.of("ABU YUSUF", "يوسف عبد الله القادري"), qadiri.aliases());
    }

    @Test
    void readsEntitiesVesselsAndPartialDates() throws IOException {
        List<ListEntry> entries = Fixtures.load(loader, FIXTURE, LIST_ID);

        ListEntry company = Fixtures.entry(entries, "10003");
        assertEquals(EntryKind.ORGANIZATION, company.kind());
        assertEquals("KASPIAN MARITIME HOLDINGS LLC", company.name());
        assertEquals(List.of("KASPIAN MARITIME"), company.aliases());
        assertEquals(List.of("10320045781"), company.identifiers(), "a website is not an identifier");
        assertEquals(List.of("IR", "AE"), company.nationalities(), "an entity's address countries");

        ListEntry vessel = Fixtures.entry(entries, "10004");
        assertEquals(EntryKind.VESSEL, vessel.kind());
        assertEquals(List.of("IMO 9123456"), vessel.identifiers());
        assertEquals(List.of("IR"), vessel.nationalities(), "the flag");

        ListEntry li = Fixtures.entry(entries, "10005");
        assertEquals("Wei LI", li.name());
        assertEquals(List.of("1980-02"), li.datesOfBirth());
        assertEquals(List.of("CN"), li.nationalities());
        assertEquals(List.of("李伟"), li.aliases());
    }

    @Test
    void rejectsAnotherListWithWhatItExpected() {
        IOException e = assertThrows(IOException.class, () -> Fixtures.load(loader, "un-consolidated.xml", LIST_ID));

        assertTrue(
                e.getMessage().contains("<sdnList>") && e.getMessage().contains("<CONSOLIDATED_LIST>"), e.getMessage());
    }

    @Test
    void rejectsInputThatIsNotXml() {
        IOException e = assertThrows(IOException.class, () -> loader.load(Fixtures.text("uid,name\n1,x\n"), LIST_ID));
        assertTrue(e.getMessage().contains("OFAC SDN XML"), e.getMessage());

        assertThrows(IOException.class, () -> loader.load(Fixtures.text(""), LIST_ID));
        assertThrows(
                IOException.class,
                () -> loader.load(Fixtures.text("<sdnList><sdnEntry><uid>1</uid><lastName>CUT OFF"), LIST_ID));
    }

    @Test
    void doesNotResolveExternalEntities() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE sdnList [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
                <sdnList><sdnEntry><uid>1</uid><lastName>&secret;</lastName><sdnType>Entity</sdnType></sdnEntry></sdnList>
                """;

        assertThrows(IOException.class, () -> loader.load(Fixtures.text(xxe), LIST_ID));
    }
}
