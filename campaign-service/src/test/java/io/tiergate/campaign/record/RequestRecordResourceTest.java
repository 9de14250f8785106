package io.tiergate.campaign.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class RequestRecordResourceTest {

    @Test
    void aLineOverTheBoundGoesToTheTopicCutButRejectedForTheSameReason() {
        String huge = "{\"accountId\":\"" + "x".repeat(1 << 20) + "\"}";
        String sent = RequestRecordResource.forTopic(huge);
        assertEquals(RequestRecordParser.MAX_LINE_CHARS + 1, sent.length());
        assertEquals(
                RequestRecordParser.parse(huge).rejection().code(),
                RequestRecordParser.parse(sent).rejection().code());
        assertEquals("TOO_LARGE", RequestRecordParser.parse(sent).rejection().code());
    }

    @Test
    void aLineWithinTheBoundGoesAsItIs() {
        String line = "{\"accountId\":\"a\"}";
        assertSame(line, RequestRecordResource.forTopic(line));
    }
}
