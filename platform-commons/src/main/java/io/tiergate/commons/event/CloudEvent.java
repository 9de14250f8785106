package io.tiergate.commons.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode. {@code id} is the idempotency key;
 * {@code tiergateversion} is the producer's per-subject version used by consistency tokens;
 * {@code traceparent} and {@code tracestate} are the Distributed Tracing extension (W3C Trace Context of the request
 * or consumer that wrote the event), absent when tracing is off.
 */
// Extension attributes this version does not know are ignored, never fatal; a tracing attribute that is not a string
// reads as absent (the event then starts a trace of its own), never as an unreadable event.
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        UUID id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        Long tiergateversion,
        JsonNode data,
        @JsonDeserialize(using = TextOrAbsent.class) String traceparent,
        @JsonDeserialize(using = TextOrAbsent.class) String tracestate) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    /** An event outside any trace. */
    public CloudEvent(
            String specversion,
            UUID id,
            String source,
            String type,
            String subject,
            OffsetDateTime time,
            String datacontenttype,
            Long tiergateversion,
            JsonNode data) {
        this(specversion, id, source, type, subject, time, datacontenttype, tiergateversion, data, null, null);
    }
}
