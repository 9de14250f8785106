package io.tiergate.identity.screening.lists;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The list files under {@code src/test/resources/screening/} and small helpers around them. */
final class Fixtures {

    private Fixtures() {}

    static List<ListEntry> load(ListLoader loader, String file, String listId) throws IOException {
        try (InputStream in = open(file)) {
            return loader.load(in, listId);
        }
    }

    static InputStream open(String file) {
        InputStream in = Fixtures.class.getResourceAsStream("/screening/" + file);
        assertNotNull(in, "fixture " + file);
        return in;
    }

    static InputStream text(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }

    static ListEntry entry(List<ListEntry> entries, String entryId) {
        return entries.stream()
                .filter(e -> e.entryId().equals(entryId))
                .findFirst()
                .orElseGet(() -> fail("no entry " + entryId + " in "
                        + entries.stream().map(ListEntry::entryId).toList()));
    }
}
