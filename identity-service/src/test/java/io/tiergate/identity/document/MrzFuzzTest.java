package io.tiergate.identity.document;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

class MrzFuzzTest {

    /** Any lines are an MRZ, with its failed check digits listed, or an IllegalArgumentException. */
    @FuzzTest(maxDuration = "10s")
    void anyLinesAreAnMrzOrARefusal(String input) {
        if (input == null) {
            return; // Jazzer tries null; callers never pass it
        }
        Mrz mrz;
        try {
            mrz = Mrz.parse(Arrays.asList(input.split("\n", -1)));
        } catch (IllegalArgumentException refused) {
            return;
        }
        assertNotNull(mrz.failedCheckDigits());
    }
}
