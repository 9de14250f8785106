package io.tiergate.campaign.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

class RequestRecordParserFuzzTest {

    /**
     * Any line, as bytes (the topic) or as text (the HTTP path), is a record or a rejection with a code; never an
     * exception, which would stop the stream thread. Bytes that are valid UTF-8 get the same verdict either way.
     */
    @FuzzTest(maxDuration = "10s")
    void anyLineIsARecordOrARejection(byte[] line) {
        if (line == null) {
            return; // Jazzer tries null; callers never pass it
        }
        RequestRecordParser.Result fromBytes = RequestRecordParser.parse(line);
        assertTrue(fromBytes.valid() || fromBytes.rejection().code() != null, "a rejection has a code");
        String text = new String(line, StandardCharsets.UTF_8);
        if (java.util.Arrays.equals(text.getBytes(StandardCharsets.UTF_8), line)) {
            RequestRecordParser.Result fromText = RequestRecordParser.parse(text);
            assertEquals(fromBytes.valid(), fromText.valid(), "bytes and text agree on: " + text);
        }
    }
}
