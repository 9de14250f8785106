package io.tiergate.commons.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;

class ConsistencyTokenFuzzTest {

    /** Any string is a token or an IllegalArgumentException; a token prints back to what parses to itself. */
    @FuzzTest(maxDuration = "10s")
    void anyStringIsATokenOrARefusal(String input) {
        if (input == null) {
            return; // Jazzer tries null; callers never pass it
        }
        ConsistencyToken token;
        try {
            token = ConsistencyToken.parse(input);
        } catch (IllegalArgumentException refused) {
            return;
        }
        assertEquals(token, ConsistencyToken.parse(token.toString()));
    }
}
