package io.tiergate.campaign.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ReplayFuzzTest {

    static final JsonFactory STREAMING = new JsonFactory();
    /** The oracle: a whole-tree read that refuses duplicate keys, where "the" accountId would be ambiguous. */
    static final ObjectMapper TREE = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /**
     * The replay reader keys any line it is given without an exception (a line it cannot key is published unkeyed,
     * for the service to dead-letter), and where the line is one JSON object its key is that object's accountId.
     */
    @FuzzTest(maxDuration = "10s")
    void anyLineIsKeyedByItsAccountOrNotAtAll(String line) {
        if (line == null) {
            return; // lines come from readLine, never null
        }
        String key = Replay.accountId(STREAMING, line);
        JsonNode tree;
        try {
            tree = TREE.readTree(line);
        } catch (Exception notOneObject) {
            return; // no oracle: the streaming read may still find an accountId before the malformed tail
        }
        if (tree == null || !tree.isObject()) {
            assertEquals(null, key, "not an object: " + line);
            return;
        }
        JsonNode account = tree.get("accountId");
        assertEquals(account != null && account.isTextual() ? account.asText() : null, key, line);
    }
}
