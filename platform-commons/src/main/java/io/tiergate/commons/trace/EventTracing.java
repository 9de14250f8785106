package io.tiergate.commons.trace;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.tiergate.commons.event.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Spans for consumed events, in the trace of whoever wrote the event: the handler runs in a span whose parent is the
 * context the event carries ({@link TraceContext}), so what the handler writes to the outbox carries the same trace
 * on. The Kafka connector's own receive span ends before the handler runs and is not current in it, hence these.
 * With tracing off (the default) the tracer is OpenTelemetry's no-op one: nothing is recorded and nothing costs.
 */
@ApplicationScoped
public class EventTracing {

    static final String SCOPE = "io.tiergate.commons";

    private final Tracer tracer;

    @Inject
    public EventTracing(Instance<OpenTelemetry> openTelemetry) {
        this((openTelemetry.isResolvable() ? openTelemetry.get() : OpenTelemetry.noop()).getTracer(SCOPE));
    }

    EventTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** A no-op instance, for code run outside CDI (tests). */
    public static EventTracing off() {
        return new EventTracing(OpenTelemetry.noop().getTracer(SCOPE));
    }

    /**
     * Starts (but does not make current) the span of a consumer's handling of an event: {@code process <type>}, a
     * CONSUMER span, child of the event's context; a new trace when the event carries none or a malformed one.
     */
    public Span consuming(String consumer, CloudEvent event) {
        return start("process " + event.type(), consumer, event, parentFor(Context.current(), TraceContext.of(event)));
    }

    /**
     * Spans for the events of a batch that carry a trace context (those that do not get none: a batch consumer would
     * otherwise start a trace per untraced event), named {@code <operation> <type>}; end them with {@link #end}.
     */
    public List<Span> consumingTraced(String consumer, String operation, Collection<CloudEvent> events) {
        List<Span> spans = new ArrayList<>();
        Context current = Context.current();
        for (CloudEvent event : events) {
            TraceContext carried = TraceContext.of(event);
            if (TraceContext.spanContextOf(carried).isValid()) {
                spans.add(start(operation + " " + event.type(), consumer, event, parentFor(current, carried)));
            }
        }
        return spans;
    }

    /** Ends the span, marking it failed when there was a failure. */
    public static void end(Span span, Throwable failure) {
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
        }
        span.end();
    }

    /** Ends every span, marking each failed when there was a failure. */
    public static void end(Collection<Span> spans, Throwable failure) {
        for (Span span : spans) {
            end(span, failure);
        }
    }

    /**
     * The parent of a consumer's span: the current context when its span is already in the event's trace (a
     * connector that made its span current), else the event's context, else the current one (usually none: a new
     * trace).
     */
    static Context parentFor(Context current, TraceContext carried) {
        SpanContext event = TraceContext.spanContextOf(carried);
        if (!event.isValid()) {
            return current;
        }
        SpanContext active = Span.fromContext(current).getSpanContext();
        if (active.isValid() && active.getTraceId().equals(event.getTraceId())) {
            return current;
        }
        return TraceContext.parentOf(current, carried);
    }

    private Span start(String name, String consumer, CloudEvent event, Context parent) {
        return tracer.spanBuilder(name)
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("messaging.message.id", String.valueOf(event.id()))
                .setAttribute("cloudevents.event_type", event.type())
                .setAttribute("cloudevents.event_source", String.valueOf(event.source()))
                .startSpan();
    }
}
