package io.tiergate.commons.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.tiergate.commons.event.CloudEvent;
import io.tiergate.commons.trace.EventTracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Applies a consumed CloudEvent exactly once in effect: the handler's change and the inbox record
 * commit together. Transient failures (database down) are retried with back-off, holding the
 * partition so that one subject's events stay in order; a {@link RejectedEvent} is recorded and skipped.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    @Inject
    ObjectMapper objectMapper;

    @Inject
    Inbox inbox;

    @Inject
    EventTracing tracing;

    /** Attempts at a failure that is not a known passing fault before the event counts as poison. */
    static final int ATTEMPTS_BEFORE_REJECTING = 5;

    private volatile boolean stopping;

    void onStop(@Observes ShutdownEvent ignored) {
        stopping = true;
    }

    public void consume(String consumer, String payload, Consumer<CloudEvent> handler) {
        CloudEvent event = parse(consumer, payload);
        if (event == null) {
            return;
        }
        // the handler runs in the trace of whoever wrote the event, so what it writes to the outbox carries it on
        Span span = tracing.consuming(consumer, event);
        RuntimeException failure = null;
        try (Scope ignored = span.makeCurrent()) {
            apply(consumer, event, handler);
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            EventTracing.end(span, failure);
        }
    }

    private void apply(String consumer, CloudEvent event, Consumer<CloudEvent> handler) {
        try {
            retrying(
                    consumer,
                    "event " + event.id(),
                    () -> QuarkusTransaction.requiringNew().run(() -> {
                        if (inbox.firstDelivery(event.id(), consumer)) {
                            handler.accept(event);
                        }
                    }));
        } catch (RuntimeException e) {
            // Not a passing fault: the event itself cannot be applied. Record it as seen, skip, move on,
            // rather than hold every later event of its partition behind it.
            Span.current().setAttribute("tiergate.event.rejected", true).setStatus(StatusCode.ERROR, "rejected");
            LOG.warnf(
                    "%s rejected event %s of type %s (%s: %s)",
                    consumer, event.id(), event.type(), e.getClass().getSimpleName(), e.getMessage());
            retrying(
                    consumer,
                    "rejection of " + event.id(),
                    () -> QuarkusTransaction.requiringNew().run(() -> inbox.firstDelivery(event.id(), consumer)));
        }
    }

    /** The event, or null (logged by type of failure, never by content) when it is unreadable. */
    public CloudEvent parse(String consumer, String payload) {
        CloudEvent event;
        try {
            event = objectMapper.readValue(payload, CloudEvent.class);
        } catch (Exception e) {
            LOG.warnf(
                    "%s skipped an unreadable event (%s)",
                    consumer, e.getClass().getSimpleName());
            return null;
        }
        if (event.id() == null || event.type() == null) {
            LOG.warnf("%s skipped an event without id or type", consumer);
            return null;
        }
        return event;
    }

    /**
     * Runs work until it succeeds, backing off while the database is away, so that a partition's events
     * stay in order. Other failures get a few attempts too (a race on a new row resolves on retry), then
     * propagate, so that an event that can never apply does not hold its partition; a {@link RejectedEvent}
     * propagates at once, and so does any failure on shutdown (redelivered after restart).
     */
    public void retrying(String consumer, String what, Runnable work) {
        long backoffMillis = 100;
        int attempts = 0;
        while (true) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                attempts++;
                if (stopping
                        || e instanceof RejectedEvent
                        || (!isTransient(e) && attempts >= ATTEMPTS_BEFORE_REJECTING)) {
                    throw e;
                }
                LOG.warnf(
                        "%s could not apply %s (%s: %s); retrying in %d ms",
                        consumer, what, e.getClass().getSimpleName(), e.getMessage(), backoffMillis);
                sleep(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, 5_000);
            }
        }
    }

    /**
     * A fault that may heal by itself (the database unreachable, shutting down, out of resources, or a
     * serialization conflict), as opposed to an event that can never apply (bad data, a constraint it breaks).
     */
    static boolean isTransient(Throwable failure) {
        if (failure instanceof RejectedEvent) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql) {
                String state = sql.getSQLState();
                // SQLState classes: 08 connection, 40 rollback/serialization, 53 resources, 57 operator, 58 system.
                return state == null
                        || state.startsWith("08")
                        || state.startsWith("40")
                        || state.startsWith("53")
                        || state.startsWith("57")
                        || state.startsWith("58");
            }
            if (cause instanceof java.io.IOException || cause instanceof jakarta.transaction.SystemException) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying an event", e);
        }
    }
}
