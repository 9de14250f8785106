package io.tiergate.commons.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.tiergate.commons.event.CloudEvent;
import io.tiergate.commons.event.EventIds;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A consumer's span is in the trace of whoever wrote the event, and what it writes next carries that trace on. */
class EventTracingTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String WRITER_SPAN = "00f067aa0ba902b7";

    private final RecordedSpans recorded = new RecordedSpans();
    private final EventTracing tracing = new EventTracing(recorded.tracer());

    static CloudEvent event(String traceparent) {
        return new CloudEvent(
                CloudEvent.SPEC_VERSION,
                EventIds.random(),
                "identity-service",
                "tiergate.identity.verification.verified",
                "subject-1",
                OffsetDateTime.now(),
                CloudEvent.JSON,
                1L,
                JsonNodeFactory.instance.objectNode(),
                traceparent,
                null);
    }

    @Test
    void theHandlersSpanIsAChildOfTheEventsContextAndWhatItWritesCarriesTheTraceOn() {
        Span span = tracing.consuming("tier-service.identity", event("00-" + TRACE_ID + "-" + WRITER_SPAN + "-01"));
        TraceContext written;
        try (Scope ignored = span.makeCurrent()) {
            written = TraceContext.current(); // what an outbox row written by the handler records
        } finally {
            EventTracing.end(span, null);
        }
        SpanData data = recorded.ended().get(0);
        assertEquals(TRACE_ID, data.getTraceId());
        assertEquals(WRITER_SPAN, data.getParentSpanId());
        assertEquals(SpanKind.CONSUMER, data.getKind());
        assertEquals("process tiergate.identity.verification.verified", data.getName());
        assertEquals("00-" + TRACE_ID + "-" + data.getSpanId() + "-01", written.traceparent());
    }

    @Test
    void aMissingOrMalformedTraceparentStartsATraceOfItsOwn() {
        for (String traceparent : new String[] {null, "", "not-a-traceparent", "00-" + TRACE_ID + "-bad-01"}) {
            Span span = tracing.consuming("tier-service.identity", event(traceparent));
            EventTracing.end(span, null);
        }
        List<SpanData> ended = recorded.ended();
        assertEquals(4, ended.size(), "every event got its span");
        for (SpanData data : ended) {
            assertTrue(data.getSpanContext().isValid());
            assertFalse(data.getParentSpanContext().isValid(), "a root span: " + data);
            assertNotEquals(TRACE_ID, data.getTraceId());
        }
    }

    @Test
    void aConnectorSpanAlreadyInTheEventsTraceStaysTheParent() {
        Span connector = recorded.tracer()
                .spanBuilder("tiergate.identity receive")
                .setParent(TraceContext.parentOf(
                        io.opentelemetry.context.Context.root(),
                        new TraceContext("00-" + TRACE_ID + "-" + WRITER_SPAN + "-01", null)))
                .startSpan();
        try (Scope ignored = connector.makeCurrent()) {
            EventTracing.end(tracing.consuming("c", event("00-" + TRACE_ID + "-" + WRITER_SPAN + "-01")), null);
        }
        connector.end();
        SpanData handler = recorded.ended().get(0);
        assertEquals(TRACE_ID, handler.getTraceId());
        assertEquals(connector.getSpanContext().getSpanId(), handler.getParentSpanId());
    }

    @Test
    void anUnrelatedCurrentSpanGivesWayToTheEvents() {
        Span unrelated = recorded.tracer().spanBuilder("elsewhere").startSpan();
        try (Scope ignored = unrelated.makeCurrent()) {
            EventTracing.end(tracing.consuming("c", event("00-" + TRACE_ID + "-" + WRITER_SPAN + "-01")), null);
        }
        unrelated.end();
        SpanData handler = recorded.ended().get(0);
        assertEquals(TRACE_ID, handler.getTraceId());
        assertEquals(WRITER_SPAN, handler.getParentSpanId());
    }

    @Test
    void aBatchTracesOnlyTheEventsThatCarryAContext() {
        List<Span> spans = tracing.consumingTraced(
                "audit-service",
                "append",
                List.of(event("00-" + TRACE_ID + "-" + WRITER_SPAN + "-01"), event(null), event("garbage")));
        assertEquals(1, spans.size());
        EventTracing.end(spans, new IllegalStateException("database away"));
        SpanData data = recorded.ended().get(0);
        assertEquals(TRACE_ID, data.getTraceId());
        assertEquals("append tiergate.identity.verification.verified", data.getName());
        assertEquals(StatusCode.ERROR, data.getStatus().getStatusCode());
    }

    @Test
    void offRecordsNothingButPassesTheEventsContextThrough() {
        Span span = EventTracing.off().consuming("c", event("00-" + TRACE_ID + "-" + WRITER_SPAN + "-01"));
        TraceContext written;
        try (Scope ignored = span.makeCurrent()) {
            assertFalse(span.isRecording());
            written = TraceContext.current();
        } finally {
            span.end();
        }
        assertTrue(recorded.ended().isEmpty());
        // a service with tracing off leaves no spans, yet what it writes keeps its producer's trace connected
        assertEquals("00-" + TRACE_ID + "-" + WRITER_SPAN + "-01", written.traceparent());
        Span fresh = EventTracing.off().consuming("c", event(null));
        try (Scope ignored = fresh.makeCurrent()) {
            assertEquals(null, TraceContext.current(), "an untraced event stays untraced");
        } finally {
            fresh.end();
        }
    }
}
