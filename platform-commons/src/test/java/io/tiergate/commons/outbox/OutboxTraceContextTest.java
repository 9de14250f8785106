package io.tiergate.commons.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import io.tiergate.commons.event.CloudEvent;
import io.tiergate.commons.testing.EventSchemas;
import io.tiergate.commons.trace.RecordedSpans;
import io.tiergate.commons.trace.TraceContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * The trace context's round trip: the span current where an event is written, into the CloudEvent's tracing
 * extension and the outbox row, out as Kafka headers, and back from the consumed event as the same span.
 */
class OutboxTraceContextTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final String ENVELOPE_START =
            "{\"specversion\":\"1.0\",\"id\":\"1c9f4f0e-8a51-4c43-9a55-7f3f7f0d8c11\","
                    + "\"source\":\"s\",\"type\":\"tiergate.tier.granted\",\"subject\":\"x\","
                    + "\"time\":\"2026-11-23T20:28:41.512Z\",\"datacontenttype\":\"application/json\",\"data\":{}";

    private final RecordedSpans spans = new RecordedSpans();
    private final Outbox outbox = new Outbox();

    OutboxTraceContextTest() {
        outbox.objectMapper = JSON;
        outbox.events = () -> "identity-service";
    }

    private Outbox.Prepared prepare() {
        return outbox.prepare(
                "tiergate.identity",
                new Outbox.Record("tiergate.identity.verification.submitted", "subject-1", Map.of("caseId", "c-1")));
    }

    /** The row the relay reads for a prepared event, as {@link Outbox#appendPrepared} writes it. */
    private static OutboxEntry row(Outbox.Prepared prepared) {
        OutboxEntry entry = new OutboxEntry();
        entry.eventId = prepared.id();
        entry.topic = prepared.topic();
        entry.partitionKey = prepared.subject();
        entry.type = prepared.type();
        entry.payload = prepared.json();
        entry.createdAt = prepared.time();
        entry.traceparent = prepared.trace() == null ? null : prepared.trace().traceparent();
        entry.tracestate = prepared.trace() == null ? null : prepared.trace().tracestate();
        return entry;
    }

    /** The event as consumers read it ({@code EventConsumer.parse}: the same mapper's view of the envelope). */
    private static CloudEvent parse(String json) {
        try {
            return JSON.readValue(json, CloudEvent.class);
        } catch (java.io.IOException e) {
            throw new AssertionError("unreadable: " + json, e);
        }
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void anEventWrittenInATraceCarriesItInTheEnvelopeAndTheHeadersToItsConsumer() throws Exception {
        Span request = spans.tracer().spanBuilder("POST /v1/verifications").startSpan();
        Outbox.Prepared prepared;
        try (Scope ignored = request.makeCurrent()) {
            prepared = prepare();
        } finally {
            request.end();
        }
        SpanContext writer = request.getSpanContext();
        String expected = "00-" + writer.getTraceId() + "-" + writer.getSpanId() + "-01";
        assertEquals(expected, prepared.trace().traceparent());

        JsonNode envelope = JSON.readTree(prepared.json());
        assertEquals(expected, envelope.path("traceparent").asText());
        assertFalse(envelope.has("tracestate"), "no tracestate when there is none");
        assertEquals(List.of(), EventSchemas.errors(EventSchemas.ENVELOPE, envelope));

        ProducerRecord<String, String> record = OutboxRelay.kafkaRecord(row(prepared));
        assertEquals(expected, header(record, "traceparent"));
        assertNull(header(record, "tracestate"));
        assertEquals("application/cloudevents+json; charset=UTF-8", header(record, "content-type"));
        assertEquals(prepared.json(), record.value(), "the payload is published exactly as written");

        CloudEvent consumed = parse(record.value());
        SpanContext parent = TraceContext.spanContextOf(TraceContext.of(consumed));
        assertEquals(writer.getTraceId(), parent.getTraceId());
        assertEquals(writer.getSpanId(), parent.getSpanId());
    }

    @Test
    void aTracestateIsCarriedToo() throws Exception {
        OutboxEntry entry = new OutboxEntry();
        entry.topic = "tiergate.tier";
        entry.partitionKey = "x";
        entry.traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        entry.tracestate = "vendor=opaque";
        entry.payload = ENVELOPE_START + ",\"traceparent\":\"" + entry.traceparent + "\",\"tracestate\":\""
                + entry.tracestate + "\"}";
        ProducerRecord<String, String> record = OutboxRelay.kafkaRecord(entry);
        assertEquals(entry.traceparent, header(record, "traceparent"));
        assertEquals("vendor=opaque", header(record, "tracestate"));
        assertEquals(List.of(), EventSchemas.errors(EventSchemas.ENVELOPE, JSON.readTree(entry.payload)));
        CloudEvent consumed = parse(record.value());
        assertEquals(
                "opaque",
                TraceContext.spanContextOf(TraceContext.of(consumed))
                        .getTraceState()
                        .get("vendor"));
    }

    @Test
    void anEventWrittenOutsideAnyTraceCarriesNoneAnywhere() throws Exception {
        Outbox.Prepared prepared = prepare();
        assertNull(prepared.trace());
        JsonNode envelope = JSON.readTree(prepared.json());
        assertFalse(envelope.has("traceparent"));
        assertFalse(envelope.has("tracestate"));
        ProducerRecord<String, String> record = OutboxRelay.kafkaRecord(row(prepared));
        assertNull(header(record, "traceparent"));
        assertNull(header(record, "tracestate"));
        assertNotNull(parse(record.value()));
    }

    @Test
    void aTracingAttributeOfTheWrongShapeReadsAsAbsentNotAsAnUnreadableEvent() {
        for (String value : new String[] {"5", "{\"a\": [1, 2]}", "[\"00\"]", "null", "true"}) {
            String json = ENVELOPE_START + ",\"traceparent\":" + value + ",\"tracestate\":" + value
                    + ",\"tiergateversion\":3}";
            CloudEvent event = parse(json);
            assertNotNull(event, value);
            assertNull(event.traceparent(), value);
            assertNull(event.tracestate(), value);
            assertEquals(3L, event.tiergateversion(), "what follows is read as usual: " + value);
            assertFalse(TraceContext.spanContextOf(TraceContext.of(event)).isValid());
        }
    }

    @Test
    void aMalformedTraceparentInTheEnvelopeIsReadButNamesNoParent() {
        CloudEvent event = parse(ENVELOPE_START + ",\"traceparent\":\"00-zz-yy-01\"}");
        assertNotNull(event);
        assertEquals("00-zz-yy-01", event.traceparent());
        assertFalse(TraceContext.spanContextOf(TraceContext.of(event)).isValid());
    }
}
