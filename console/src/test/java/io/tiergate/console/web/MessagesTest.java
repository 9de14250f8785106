package io.tiergate.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A second language is one file: it must translate every message, and nothing that is not one. */
class MessagesTest {

    @Test
    void theGermanFileTranslatesEveryMessage() throws IOException {
        Set<String> keys = Arrays.stream(Messages.class.getDeclaredMethods())
                .map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Properties german = new Properties();
        try (var in = MessagesTest.class.getResourceAsStream("/messages/msg_de.properties")) {
            assertNotNull(in, "messages/msg_de.properties");
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                german.load(reader);
            }
        }
        assertEquals(keys, new TreeSet<>(german.stringPropertyNames()));
    }
}
