package io.tiergate.audit.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * The bytes a leaf hash covers: RFC 8785 (JCS) canonical JSON of {@code {"event": <the CloudEvent>,
 * "topic": <topic>}}. Canonical so that anyone can re-derive them from the event, whatever JSON library
 * printed it; JCS by its authors' reference implementation rather than our own.
 */
@ApplicationScoped
public class EntryCanonicalizer {

    @Inject
    ObjectMapper objectMapper;

    public byte[] entry(String topic, String eventJson) {
        try {
            String wrapped = "{\"topic\":" + objectMapper.writeValueAsString(topic) + ",\"event\":" + eventJson + "}";
            return new JsonCanonicalizer(wrapped).getEncodedUTF8();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("topic is not serialisable", e);
        } catch (IOException e) {
            throw new UncheckedIOException("event is not canonicalisable JSON", e);
        }
    }
}
