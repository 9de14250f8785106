package io.tiergate.identity.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ICAO 9303's own specimens (Part 4 and 5): their check digits verify, and a changed character breaks them. */
class MrzTest {

    static final List<String> TD3 =
            List.of("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
    static final List<String> TD1 = List.of(
            "I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");

    @Test
    void theSpecimenPassportVerifies() {
        Mrz mrz = Mrz.parse(TD3);
        assertEquals(List.of(), mrz.failedCheckDigits());
        assertEquals("L898902C3", mrz.documentNumber());
        assertEquals("UTO", mrz.nationality());
        assertEquals(LocalDate.of(1974, 8, 12), mrz.dateOfBirth());
        assertEquals(LocalDate.of(2012, 4, 15), mrz.expiryDate());
    }

    @Test
    void theSpecimenIdCardVerifies() {
        Mrz mrz = Mrz.parse(TD1);
        assertEquals(List.of(), mrz.failedCheckDigits());
        assertEquals("D23145890", mrz.documentNumber());
    }

    @Test
    void aChangedCharacterFailsItsCheckDigitAndTheComposite() {
        Mrz mrz = Mrz.parse(List.of(TD3.get(0), TD3.get(1).replace("7408122", "7408132")));
        assertTrue(
                mrz.failedCheckDigits().contains("dateOfBirth"),
                mrz.failedCheckDigits().toString());
        assertTrue(mrz.failedCheckDigits().contains("composite"));
    }

    @Test
    void aWrongShapeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Mrz.parse(List.of("P<UTO", "L898")));
    }
}
