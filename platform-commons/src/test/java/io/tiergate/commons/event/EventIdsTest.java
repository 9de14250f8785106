package io.tiergate.commons.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void idsAreVersion4WithTheIetfVariant() {
        for (int i = 0; i < 1_000; i++) {
            UUID id = EventIds.random();
            assertEquals(4, id.version(), id.toString());
            assertEquals(2, id.variant(), id.toString());
            assertEquals(id, UUID.fromString(id.toString()));
        }
    }

    @Test
    void idsDoNotRepeat() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(EventIds.random());
        }
        assertEquals(10_000, seen.size());
    }
}
