package io.tiergate.commons.trace;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.tiergate.commons.event.CloudEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The W3C trace context ({@code traceparent}, and {@code tracestate} when there is one) that an event carries from
 * the request or consumer that wrote it to those that consume it: in the CloudEvent (the Distributed Tracing
 * extension) and in the Kafka record's headers. OpenTelemetry's propagator writes and reads it; a missing or malformed
 * {@code traceparent} names no parent, so whoever consumes the event starts a trace of its own, and never fails.
 */
public record TraceContext(String traceparent, String tracestate) {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<TraceContext> FIELDS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(TraceContext carrier) {
            return List.of(TRACEPARENT, TRACESTATE);
        }

        @Override
        public String get(TraceContext carrier, String key) {
            if (carrier == null) {
                return null;
            }
            return switch (key) {
                case TRACEPARENT -> carrier.traceparent();
                case TRACESTATE -> carrier.tracestate();
                default -> null;
            };
        }
    };

    /** The context of the span current here, or null outside any trace (as when tracing is off). */
    public static TraceContext current() {
        return of(Context.current());
    }

    /** The context's span as W3C fields, or null when it has no valid span. */
    public static TraceContext of(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> fields = new HashMap<>(4);
        W3C.inject(context, fields, Map::put);
        String traceparent = fields.get(TRACEPARENT);
        return traceparent == null ? null : new TraceContext(traceparent, fields.get(TRACESTATE));
    }

    /** What the event carries, or null when it carries no traceparent. */
    public static TraceContext of(CloudEvent event) {
        return event.traceparent() == null ? null : new TraceContext(event.traceparent(), event.tracestate());
    }

    /**
     * {@code base} with this context's span as remote parent; {@code base} itself when the traceparent is missing or
     * malformed, so that a span started on it begins a trace of its own.
     */
    public static Context parentOf(Context base, TraceContext carried) {
        if (carried == null || carried.traceparent() == null) {
            return base;
        }
        return W3C.extract(base, carried, FIELDS);
    }

    /** The span context this names, invalid when it is missing or malformed. */
    public static SpanContext spanContextOf(TraceContext carried) {
        return Span.fromContext(parentOf(Context.root(), carried)).getSpanContext();
    }
}
