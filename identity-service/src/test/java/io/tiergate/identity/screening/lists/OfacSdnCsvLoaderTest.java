package io.tiergate.identity.screening.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfacSdnCsvLoaderTest {

    static final String LIST_ID = "OFAC_SDN_CSV/sdn.csv";

    final OfacSdnCsvLoader loader = (OfacSdnCsvLoader) ListLoaders.forFormat(ListFormat.OFAC_SDN_CSV);

    @Test
    void readsSdnCsvAloneUpToOfacsEndOfFileMark() throws IOException {
        List<ListEntry> entries = Fixtures.load(loader, "sdn.csv", LIST_ID);

        assertEquals(
                List.of("10001", "10002", "10003", "10004", "10005"),
                entries.stream().map(ListEntry::entryId).toList());
    }

    @Test
    void readsNameTypeProgramsAndRemarks() throws IOException {
        ListEntry sidorov = Fixtures.entry(Fixtures.load(loader, "sdn.csv", LIST_ID), "10001");

        assertEquals(EntryKind.PERSON, sidorov.kind());
        assertEquals("Ivan Petrovich SIDOROV", sidorov.name(), "LAST, First becomes First LAST");
        assertEquals(List.of("RUSSIA-EO14024", "UKRAINE-EO13660"), sidorov.programs());
        assertEquals(List.of("1971-03-12", "1972"), sidorov.datesOfBirth());
        assertEquals(List.of("RU", "CY"), sidorov.nationalities(), "nationality and citizen clauses");
        assertEquals(List.of("7100123456"), sidorov.identifiers(), "the passport number without country or expiry");
        assertEquals(List.of(), sidorov.aliases(), "aliases are in alt.csv");
    }

    @Test
    void skipsWhatItCannotReadInRemarks() throws IOException {
        ListEntry qadiri = Fixtures.entry(Fixtures.load(loader, "sdn.csv", LIST_ID), "10002");

        assertEquals(List.of("1968"), qadiri.datesOfBirth(), "31 Feb 1969 and a range are skipped");
        assertEquals(List.of("SY"), qadiri.nationalities(), "Atlantis is skipped");
        assertEquals(List.of("N00123456", "01020304050"), qadiri.identifiers());
        assertEquals(List.of("SDGT", "SYRIA"), qadiri.programs());
    }

    @Test
    void readsEntitiesAndVessels() throws IOException {
        List<ListEntry> entries = Fixtures.load(loader, "sdn.csv", LIST_ID);

        ListEntry company = Fixtures.entry(entries, "10003");
        assertEquals(EntryKind.ORGANIZATION, company.kind(), "OFAC's null type is an entity");
        assertEquals("KASPIAN MARITIME HOLDINGS LLC", company.name());
        assertEquals(List.of("KASPIAN MARITIME"), company.aliases(), "an a.k.a. in Remarks");
        assertEquals(List.of("10320045781"), company.identifiers());

        ListEntry vessel = Fixtures.entry(entries, "10004");
        assertEquals(EntryKind.VESSEL, vessel.kind());
        assertEquals(List.of("IR"), vessel.nationalities(), "Vess_flag");
        assertEquals(List.of("IMO 9123456"), vessel.identifiers());

        ListEntry li = Fixtures.entry(entries, "10005");
        assertEquals("Wei LI", li.name());
        assertEquals(List.of("1980-02"), li.datesOfBirth());
        assertEquals(List.of("110101198002020011"), li.identifiers());
    }

    @Test
    void addsTheAliasesOfAltCsv() throws IOException {
        List<ListEntry> entries;
        try (InputStream sdn = Fixtures.open("sdn.csv");
                InputStream alt = Fixtures.open("alt.csv")) {
            entries = loader.load(sdn, alt, LIST_ID);
        }

        assertEquals(
                List.of("Ivan SIDOROV", "Иван Сидоров"),
                Fixtures.entry(entries, "10001").aliases());
        assertEquals(
                List.of("KASPIAN MARITIME", "CASPIAN SEA HOLDINGS LLC"),
                Fixtures.entry(entries, "10003").aliases(),
                "an entity's alias keeps its word order");
        assertEquals(5, entries.size(), "an alias of an unknown ent_num adds no entry");
    }

    @Test
    void rejectsAFileThatIsNotSdnCsv() {
        IOException xml = assertThrows(IOException.class, () -> Fixtures.load(loader, "ofac-sdn.xml", LIST_ID));
        assertTrue(xml.getMessage().contains("OFAC sdn.csv"), xml.getMessage());

        IOException ofsi = assertThrows(IOException.class, () -> Fixtures.load(loader, "uk-ofsi.csv", LIST_ID));
        assertTrue(ofsi.getMessage().contains("ent_num"), ofsi.getMessage());

        IOException quote = assertThrows(
                IOException.class, () -> loader.load(Fixtures.text("1,\"UNTERMINATED,-0- ,\"X\"x,-0-\r\n"), LIST_ID));
        assertTrue(quote.getMessage().contains("OFAC sdn.csv"), quote.getMessage());
    }

    @Test
    void rejectsAnAltCsvThatIsNotOne() throws IOException {
        try (InputStream sdn = Fixtures.open("sdn.csv")) {
            IOException e = assertThrows(
                    IOException.class, () -> loader.load(sdn, Fixtures.text("name,alias\nA,B\n"), LIST_ID));
            assertTrue(e.getMessage().contains("OFAC alt.csv"), e.getMessage());
        }
    }
}
