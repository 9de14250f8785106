package io.tiergate.identity.verification;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PersonNameTest {

    static final PersonName.Validator NAMES = new PersonName.Validator();

    static boolean valid(String name) {
        return NAMES.isValid(name, null);
    }

    @Test
    void namesInEveryScriptAreAccepted() {
        assertTrue(valid("فرزانه کریم\u200Cپور"), "Persian with the ZWNJ its spelling requires");
        assertTrue(valid("फ़र्ज़ाना"), "Devanagari");
        assertTrue(valid("क्\u200Dष"), "Devanagari with a ZWJ after the virama");
        assertTrue(valid("Лейла Фарзане Каримпур"));
        assertTrue(valid("Λεϊλά"));
        assertTrue(valid("ליילה"));
        assertTrue(valid("赵晓明"));
        assertTrue(valid("Hélène Dubois-Marchand"));
    }

    @Test
    void joinersOnlyInsideAWordOfAScriptThatShapesWithThem() {
        assertFalse(valid("Car\u200Col"), "a ZWNJ in Latin hides nothing but the name");
        assertFalse(valid("Ив\u200Dан"), "nor in Cyrillic");
        assertFalse(valid("\u200Cکریم"), "nor at the start");
        assertFalse(valid("کریم\u200C"), "nor at the end");
        assertFalse(valid("کریم \u200Cپور"), "nor next to a space");
        assertFalse(valid("کریم\u200C\u200Cپور"), "nor two in a row");
    }

    @Test
    void bidiControlsAndOtherInvisibleOrControlCharactersAreRefused() {
        for (int bidi : new int[] {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069}) {
            assertFalse(valid("کریم" + (char) bidi + "پور"), Integer.toHexString(bidi));
            assertFalse(valid("Alice" + (char) bidi), Integer.toHexString(bidi));
        }
        assertFalse(valid("Car\u200Bol"), "zero-width space");
        assertFalse(valid("Car\u0000ol"));
        assertFalse(valid("Carol\n"));
        assertFalse(valid("\u0410lice"), "mixed scripts");
    }
}
