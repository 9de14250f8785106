package io.tiergate.campaign.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** A refused record as the dead-letter topic holds it: the reason, the field it names, and the record (clipped). */
public final class RejectedRecord {

    private static final int KEEP_CHARS = 4096;

    private RejectedRecord() {}

    public static String json(ObjectMapper json, Rejection rejection, String raw) {
        ObjectNode node = json.createObjectNode();
        node.put("reason", rejection.code());
        if (rejection.field() != null) {
            node.put("field", rejection.field());
        }
        node.put("detail", rejection.detail());
        node.put("rejectedAt", Instant.now().toString());
        node.put("record", raw == null ? null : raw.length() <= KEEP_CHARS ? raw : raw.substring(0, KEEP_CHARS));
        return node.toString();
    }
}
