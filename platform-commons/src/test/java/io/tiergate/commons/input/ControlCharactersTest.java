package io.tiergate.commons.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ControlCharactersTest {

    @Test
    void findsNulC0DelAndC1() {
        assertEquals(3, ControlCharacters.firstIn("abc\u0000"));
        assertEquals(0, ControlCharacters.firstIn("\u001Fx"));
        assertEquals(1, ControlCharacters.firstIn("a\u007F"));
        assertEquals(1, ControlCharacters.firstIn("a\u0085"));
        assertEquals(1, ControlCharacters.firstIn("a\tb\n"), "tab is the first control");
    }

    @Test
    void letsOrdinaryTextAndOtherScriptsThrough() {
        assertEquals(-1, ControlCharacters.firstIn("11111111-1111-4111-8111-000000000001"));
        assertEquals(-1, ControlCharacters.firstIn("کریم\u200Cپور"), "ZWNJ is a format character, not a control");
        assertEquals(-1, ControlCharacters.firstIn(""));
        assertEquals(-1, ControlCharacters.firstIn(null));
    }

    @Test
    void nulIsToldApart() {
        assertTrue(ControlCharacters.containsNul("x\u0000"));
        assertFalse(ControlCharacters.containsNul("x\n"));
        assertFalse(ControlCharacters.containsNul(null));
    }

    @Test
    void printableNamesCarryNoControlCharacter() {
        assertEquals("subU+0000ject", ControlCharacters.printable("sub\u0000ject"));
        assertEquals("version", ControlCharacters.printable("version"));
    }
}
