package io.tiergate.identity.screening.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenSanctionsFtmLoaderTest {

    static final String LIST_ID = "OPENSANCTIONS_FTM/opensanctions.ftm.json";
    static final String FIXTURE = "opensanctions.ftm.json";
    static final String MOROZOV = "NK-3Lq7fZxWkRmPz9aTbYcDuE";
    static final String ARKTIKA = "NK-8RtYuIoPaSdFgHjKlZxCvB";
    static final String RELATIVE = "NK-2WsXeDcRfVtGbYhNuJmIkO";
    static final String OCEAN_ROSE = "NK-5TgBnHyUjMkIoLpQaZwSxE";
    static final String ZHANG = "NK-9OkMnJiUhBvGyTfCxDrEsZ";

    final ListLoader loader = ListLoaders.forFormat(ListFormat.OPENSANCTIONS_FTM);

    @Test
    void keepsListedPartiesOnly() throws IOException {
        List<ListEntry> entries = Fixtures.load(loader, FIXTURE, LIST_ID);

        assertEquals(
                List.of(MOROZOV, ARKTIKA, OCEAN_ROSE, ZHANG),
                entries.stream().map(ListEntry::entryId).toList(),
                "no sanction, passport or address lines; no relative marked target false");
        assertEquals(
                List.of(EntryKind.PERSON, EntryKind.ORGANIZATION, EntryKind.VESSEL, EntryKind.PERSON),
                entries.stream().map(ListEntry::kind).toList());
        assertTrue(entries.stream().noneMatch(e -> e.entryId().equals(RELATIVE)));
    }

    @Test
    void readsAPersonWithItsSanctionAndPassportLines() throws IOException {
        ListEntry morozov = Fixtures.entry(Fixtures.load(loader, FIXTURE, LIST_ID), MOROZOV);

        assertEquals("Viktor Andreyevich MOROZOV", morozov.name());
        assertEquals(List.of("Viktor Andreevich Morozov", "Виктор Андреевич Морозов"), morozov.aliases());
        assertEquals(List.of("1970-05-17", "1971"), morozov.datesOfBirth());
        assertEquals(List.of("RU"), morozov.nationalities(), "upper-cased; suhh is no ISO code");
        assertEquals(
                List.of("751234567", "550100732259", "721234567"),
                morozov.identifiers(),
                "own properties, then the Passport line naming it holder");
        assertEquals(List.of("RUSSIA-EO14024"), morozov.programs(), "from the Sanction line naming it");
    }

    @Test
    void readsCompaniesAndVessels() throws IOException {
        List<ListEntry> entries = Fixtures.load(loader, FIXTURE, LIST_ID);

        ListEntry arktika = Fixtures.entry(entries, ARKTIKA);
        assertEquals("Arktika Logistics LLC", arktika.name());
        assertEquals(List.of("OOO Arktika Logistika", "ООО Арктика Логистика"), arktika.aliases());
        assertEquals(List.of("RU"), arktika.nationalities(), "the jurisdiction");
        assertEquals(List.of("1027700132195", "7701234560"), arktika.identifiers());
        assertEquals(List.of("EU-RUS"), arktika.programs());

        ListEntry vessel = Fixtures.entry(entries, OCEAN_ROSE);
        assertEquals(List.of("SEA LILY"), vessel.aliases());
        assertEquals(List.of("IMO9234567"), vessel.identifiers());
        assertEquals(List.of("IR"), vessel.nationalities(), "the flag");
    }

    @Test
    void readsNestedSanctionsAndDocumentsAndSkipsBadValues() throws IOException {
        ListEntry zhang = Fixtures.entry(Fixtures.load(loader, FIXTURE, LIST_ID), ZHANG);

        assertEquals(List.of("张敏"), zhang.aliases());
        assertEquals(List.of("1982-02"), zhang.datesOfBirth(), "'sometime in the 80s' is skipped");
        assertEquals(List.of("CN"), zhang.nationalities(), "xx is skipped");
        assertEquals(List.of("NPWMD"), zhang.programs());
        assertEquals(List.of("110101198202020022"), zhang.identifiers());
    }

    @Test
    void rejectsLinesThatAreNotEntities() {
        IOException xml = assertThrows(IOException.class, () -> Fixtures.load(loader, "ofac-sdn.xml", LIST_ID));
        assertTrue(
                xml.getMessage().contains("line 1 is not JSON")
                        && xml.getMessage().contains("FollowTheMoney"),
                xml.getMessage());

        IOException array = assertThrows(IOException.class, () -> loader.load(Fixtures.text("""
                {"id": "a", "schema": "Person", "properties": {"name": ["A"]}}
                ["not", "an", "entity"]
                """), LIST_ID));
        assertTrue(array.getMessage().startsWith("line 2 is not a FollowTheMoney entity"), array.getMessage());

        assertThrows(
                IOException.class,
                () -> loader.load(Fixtures.text("{\"id\": \"a\", \"schema\": \"Person\"}"), LIST_ID),
                "no properties");
    }
}
