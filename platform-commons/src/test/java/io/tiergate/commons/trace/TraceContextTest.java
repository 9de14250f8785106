package io.tiergate.commons.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The W3C fields an event carries: written from the current span, read back as its remote parent. */
class TraceContextTest {

    private final RecordedSpans spans = new RecordedSpans();

    @Test
    void theCurrentSpanIsWrittenAsATraceparentAndReadBackAsTheSameSpan() {
        Span span = spans.tracer().spanBuilder("request").startSpan();
        TraceContext written;
        try (Scope ignored = span.makeCurrent()) {
            written = TraceContext.current();
        } finally {
            span.end();
        }
        assertNotNull(written);
        SpanContext original = span.getSpanContext();
        assertEquals("00-" + original.getTraceId() + "-" + original.getSpanId() + "-01", written.traceparent());
        assertNull(written.tracestate(), "no tracestate when the span has none");

        SpanContext read = TraceContext.spanContextOf(written);
        assertTrue(read.isValid() && read.isRemote());
        assertEquals(original.getTraceId(), read.getTraceId());
        assertEquals(original.getSpanId(), read.getSpanId());
        assertTrue(read.isSampled());
    }

    @Test
    void aTracestateTravelsWithIt() {
        SpanContext remote = SpanContext.createFromRemoteParent(
                "4bf92f3577b34da6a3ce929d0e0e4736",
                "00f067aa0ba902b7",
                TraceFlags.getSampled(),
                TraceState.builder().put("vendor", "opaque").build());
        TraceContext written = TraceContext.of(Context.root().with(Span.wrap(remote)));
        assertEquals("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", written.traceparent());
        assertEquals("vendor=opaque", written.tracestate());
        assertEquals(
                "opaque", TraceContext.spanContextOf(written).getTraceState().get("vendor"));
    }

    @Test
    void outsideAnyTraceThereIsNothingToCarry() {
        assertNull(TraceContext.current(), "tracing off, or no request in progress");
        assertNull(TraceContext.of(Context.root()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "garbage",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7", // no flags
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01", // all-zero trace id
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", // all-zero span id
                "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", // forbidden version
                "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", // upper case
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra" // version 00 has no more fields
            })
    void aMalformedTraceparentNamesNoParent(String traceparent) {
        TraceContext carried = new TraceContext(traceparent, "vendor=opaque");
        assertFalse(TraceContext.spanContextOf(carried).isValid());
        Context base = Context.root();
        assertEquals(base, TraceContext.parentOf(base, carried), "the base is returned as it was");
    }

    @Test
    void aMissingTraceparentNamesNoParent() {
        assertFalse(TraceContext.spanContextOf(null).isValid());
        assertFalse(TraceContext.spanContextOf(new TraceContext(null, "vendor=opaque"))
                .isValid());
    }
}
