package io.tiergate.identity.screening.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class EuFsfXmlLoaderTest {

    static final String LIST_ID = "EU_XML/eu-fsf.xml";
    static final String FIXTURE = "eu-fsf.xml";

    final ListLoader loader = ListLoaders.forFormat(ListFormat.EU_XML);

    @Test
    void readsAPersonFromAttributes() throws IOException {
        List<ListEntry> entries = Fixtures.load(loader, FIXTURE, LIST_ID);
        assertEquals(
                List.of("900101", "900102", "900103"),
                entries.stream().map(ListEntry::entryId).toList());

        ListEntry zaitsev = Fixtures.entry(entries, "900101");
        assertEquals(EntryKind.PERSON, zaitsev.kind());
        assertEquals("Oleg Viktorovich Zaitsev", zaitsev.name(), "the first nameAlias");
        assertEquals(
                List.of("Олег Викторович Зайцев", "Oleg Zaytsev"),
                zaitsev.aliases(),
                "the others; one without wholeName is built from its parts");
        assertEquals(List.of("1969-11-05"), zaitsev.datesOfBirth());
        assertEquals(List.of("RU"), zaitsev.nationalities());
        assertEquals(List.of("753311220", "772501234567"), zaitsev.identifiers());
        assertEquals(List.of("UKR"), zaitsev.programs());
    }

    @Test
    void readsPartialDatesAndSkipsUnknownCountriesAndImpossibleDates() throws IOException {
        ListEntry harbawi = Fixtures.entry(Fixtures.load(loader, FIXTURE, LIST_ID), "900102");

        assertEquals("Khalid Ibrahim Saleh Al-Harbawi", harbawi.name());
        assertEquals(List.of("Abu Saleh al-Iraqi"), harbawi.aliases());
        assertEquals(List.of("1972", "1973-07"), harbawi.datesOfBirth(), "1974-02-30 is skipped");
        assertEquals(List.of("IQ", "SY"), harbawi.nationalities(), "\"00\" is skipped; a description maps");
        assertEquals(List.of("TAQA", "EU.TERR"), harbawi.programs());
    }

    @Test
    void readsAnEnterprise() throws IOException {
        ListEntry belmorstal = Fixtures.entry(Fixtures.load(loader, FIXTURE, LIST_ID), "900103");

        assertEquals(EntryKind.ORGANIZATION, belmorstal.kind());
        assertEquals("Belmorstal Joint Stock Company", belmorstal.name());
        assertEquals(List.of("ОАО Белморсталь"), belmorstal.aliases());
        assertEquals(List.of("BY"), belmorstal.nationalities(), "an enterprise's address country");
        assertEquals(List.of("190123456"), belmorstal.identifiers());
        assertEquals(List.of("BLR"), belmorstal.programs());
    }

    @Test
    void rejectsAnotherListWithWhatItExpected() {
        IOException e = assertThrows(IOException.class, () -> Fixtures.load(loader, "ofac-sdn.xml", LIST_ID));
        assertTrue(
                e.getMessage().contains("EU Financial Sanctions Files")
                        && e.getMessage().contains("<sdnList>"),
                e.getMessage());

        assertThrows(IOException.class, () -> Fixtures.load(loader, "uk-ofsi.csv", LIST_ID));
    }
}
