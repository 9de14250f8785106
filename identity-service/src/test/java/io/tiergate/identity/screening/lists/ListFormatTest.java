package io.tiergate.identity.screening.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ListFormatTest {

    @Test
    void parsesEveryTokenIgnoringCase() {
        assertEquals(ListFormat.OFAC_SDN_XML, ListFormat.parse("ofac-sdn-xml"));
        assertEquals(ListFormat.OFAC_SDN_CSV, ListFormat.parse("OFAC-SDN-CSV"));
        assertEquals(ListFormat.UN_XML, ListFormat.parse("un-xml"));
        assertEquals(ListFormat.EU_XML, ListFormat.parse("Eu-Xml"));
        assertEquals(ListFormat.UK_OFSI_CSV, ListFormat.parse("uk-ofsi-csv"));
        assertEquals(ListFormat.OPENSANCTIONS_FTM, ListFormat.parse("opensanctions-ftm"));
    }

    @Test
    void rejectsAnythingElseNamingTheFormatsItKnows() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ListFormat.parse("sdn.xml"));
        assertTrue(e.getMessage().contains("ofac-sdn-xml"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ListFormat.parse("OFAC_SDN_XML"));
        assertThrows(IllegalArgumentException.class, () -> ListFormat.parse(null));
    }

    @Test
    void hasALoaderForEveryFormat() {
        assertInstanceOf(OfacSdnXmlLoader.class, ListLoaders.forFormat(ListFormat.OFAC_SDN_XML));
        assertInstanceOf(OfacSdnCsvLoader.class, ListLoaders.forFormat(ListFormat.OFAC_SDN_CSV));
        assertInstanceOf(UnConsolidatedXmlLoader.class, ListLoaders.forFormat(ListFormat.UN_XML));
        assertInstanceOf(EuFsfXmlLoader.class, ListLoaders.forFormat(ListFormat.EU_XML));
        assertInstanceOf(UkOfsiCsvLoader.class, ListLoaders.forFormat(ListFormat.UK_OFSI_CSV));
        assertInstanceOf(OpenSanctionsFtmLoader.class, ListLoaders.forFormat(ListFormat.OPENSANCTIONS_FTM));
    }

    @Test
    void mapsTheCountryNamesListsUse() {
        for (String russia : List.of("Russia", "Russian Federation", "RU", "ru", "RUS")) {
            assertEquals("RU", CountryCodes.toAlpha2(russia).orElse(null), russia);
        }
        assertEquals("KP", CountryCodes.toAlpha2("Korea, North").orElse(null));
        assertEquals(
                "KP",
                CountryCodes.toAlpha2("Democratic People's Republic of Korea").orElse(null));
        assertEquals("KP", CountryCodes.toAlpha2("North Korea").orElse(null));
        assertEquals("IR", CountryCodes.toAlpha2("Iran (Islamic Republic of)").orElse(null));
        assertEquals("SY", CountryCodes.toAlpha2("Syrian Arab Republic").orElse(null));
        assertEquals("GB", CountryCodes.toAlpha2("United Kingdom").orElse(null));
        assertEquals("US", CountryCodes.toAlpha2("United States").orElse(null));
        assertEquals("CI", CountryCodes.toAlpha2("Côte d'Ivoire").orElse(null));
        assertEquals(
                "CD", CountryCodes.toAlpha2("Congo, Democratic Republic of the").orElse(null));
        assertEquals("KN", CountryCodes.toAlpha2("Saint Kitts and Nevis").orElse(null));
        assertEquals("MM", CountryCodes.toAlpha2("Burma").orElse(null));
        assertTrue(CountryCodes.toAlpha2("Soviet Union").isEmpty());
        assertTrue(CountryCodes.toAlpha2("XX").isEmpty());
        assertTrue(CountryCodes.toAlpha2(null).isEmpty());
    }
}
