package io.tiergate.console.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.ws.rs.core.MultivaluedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormsTest {

    private static MultivaluedHashMap<String, String> form(String... pairs) {
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    @Test
    void countryCodesAreSplitOnCommasAndSpacesAndUpperCased() {
        assertEquals(List.of("DE", "FR", "IT"), Forms.codes(form("n", " de, fr ,IT "), "n"));
        assertEquals(List.of(), Forms.codes(form("n", "  "), "n"));
        assertEquals(List.of(), Forms.codes(form(), "n"));
    }

    @Test
    void theMrzKeepsItsLinesWithoutBlanks() {
        assertEquals(
                List.of("P<DEUMUSTERMANN<<ERIKA", "C01X00T478DEU6408125F2702283"),
                Forms.lines(form("mrz", "P<DEUMUSTERMANN<<ERIKA\r\n\r\n  C01X00T478DEU6408125F2702283 \n"), "mrz"));
    }

    @Test
    void blankFieldsAndEmptyListsAreLeftOutOfTheJson() {
        Map<String, Object> json =
                Forms.object("givenName", "Erika", "email", null, "nationalities", List.of(), "document", Map.of());

        assertEquals(Map.of("givenName", "Erika"), json);
        assertNull(Forms.text(form("email", "   "), "email"));
    }

    @Test
    void theEchoedFormNeverCarriesTheCsrfToken() {
        Map<String, String> echoed = Forms.echo(form("givenName", "Erika", "csrf-token", "secret"));

        assertEquals("Erika", echoed.get("givenName"));
        assertFalse(echoed.containsKey("csrf-token"));
    }
}
