package io.tiergate.console.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AgesTest {

    @Test
    void agesReadAsAnOfficerSaysThem() {
        assertEquals("5 min", Ages.of(Duration.ofMinutes(5).plusSeconds(59)));
        assertEquals("2 h 10 min", Ages.of(Duration.ofMinutes(130)));
        assertEquals("3 d 4 h", Ages.of(Duration.ofHours(76).plusMinutes(30)));
        // a clock a little behind the service's is not a negative age
        assertEquals("0 min", Ages.of(Duration.ofSeconds(-3)));
    }
}
