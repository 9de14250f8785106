package io.tiergate.identity.screening.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fictional sample list shipped in {@code src/main/resources/screening/} for development and the demo. */
class SampleSdnListTest {

    static final String RESOURCE = "/screening/sample-sdn.xml";
    static final String LIST_ID = "OFAC_SDN_XML/sample-sdn.xml";

    static List<ListEntry> sample() throws IOException {
        try (InputStream in = SampleSdnListTest.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, RESOURCE);
            return ListLoaders.forFormat(ListFormat.OFAC_SDN_XML).load(in, LIST_ID);
        }
    }

    static ListEntry named(List<ListEntry> entries, String name) {
        return entries.stream()
                .filter(e -> e.name().equals(name))
                .findFirst()
                .orElseGet(() -> fail("no entry named " + name));
    }

    @Test
    void holdsAtLeastSixtyEntriesOfEveryKindWithUniqueIds() throws IOException {
        List<ListEntry> entries = sample();

        assertTrue(entries.size() >= 60, "entries: " + entries.size());
        Set<String> ids = new HashSet<>();
        entries.forEach(e -> assertTrue(ids.add(e.entryId()), "duplicate uid " + e.entryId()));
        for (EntryKind kind : List.of(EntryKind.PERSON, EntryKind.ORGANIZATION, EntryKind.VESSEL, EntryKind.AIRCRAFT)) {
            assertTrue(entries.stream().anyMatch(e -> e.kind() == kind), "no " + kind);
        }
        assertTrue(
                entries.stream()
                        .filter(e -> e.kind() == EntryKind.PERSON)
                        .allMatch(e -> !e.nationalities().isEmpty()
                                && !e.datesOfBirth().isEmpty()),
                "every person has a nationality and a date of birth");
    }

    @Test
    void holdsTheDemoPersons() throws IOException {
        List<ListEntry> entries = sample();

        ListEntry sidorov = named(entries, "Ivan Petrovich SIDOROV");
        assertEquals(EntryKind.PERSON, sidorov.kind());
        assertEquals(List.of("Ivan Sidorov", "Иван Сидоров"), sidorov.aliases());
        assertEquals(List.of("1971-03-12"), sidorov.datesOfBirth());
        assertEquals(List.of("RU"), sidorov.nationalities());
        assertEquals(List.of("7100123456"), sidorov.identifiers());

        ListEntry rashid = named(entries, "Mohammed Al-Rashid");
        assertEquals(List.of("محمد الرشيد"), rashid.aliases());
        assertEquals(List.of("1965"), rashid.datesOfBirth());
        assertEquals(List.of("SY"), rashid.nationalities());

        ListEntry wang = named(entries, "WANG Li");
        assertEquals(List.of("王力"), wang.aliases());
        assertEquals(List.of("1980-02-02"), wang.datesOfBirth());
        assertEquals(List.of("CN"), wang.nationalities());

        ListEntry dubois = named(entries, "Hélène Dubois-Marchand");
        assertEquals(List.of("1975"), dubois.datesOfBirth());
        assertEquals(List.of("FR"), dubois.nationalities());
    }

    @Test
    void holdsTheDemoEntity() throws IOException {
        ListEntry northwind = named(sample(), "Northwind Dual-Use Trading Limited");

        assertEquals(EntryKind.ORGANIZATION, northwind.kind());
        assertEquals(List.of("Northwind Trading Ltd"), northwind.aliases());
        assertEquals(List.of("IR"), northwind.nationalities(), "its address country");
    }
}
