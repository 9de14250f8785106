package io.tiergate.commons.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.tiergate.commons.event.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.function.Consumer;

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

    private volatile boolean stopping;

    void onStop(@Observes ShutdownEvent ignored) {
        stopping = true;
    }

    public void consume(String consumer, String payload, Consumer<CloudEvent> handler) {
        CloudEvent event = parse(consumer, payload);
        if (event == null) {
            return;
        }
        retrying(consumer, "event " + event.id(), () -> {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (inbox.firstDelivery(event.id(), consumer)) {
                        handler.accept(event);
                    }
                });
            } catch (RejectedEvent e) {
                LOG.warnf("%s rejected event %s of type %s: %s", consumer, event.id(), event.type(), e.getMessage());
                QuarkusTransaction.requiringNew().run(() -> inbox.firstDelivery(event.id(), consumer));
            }
        });
    }

    /** The event, or null (logged by type of failure, never by content) when it is unreadable. */
    public CloudEvent parse(String consumer, String payload) {
        CloudEvent event;
        try {
            event = objectMapper.readValue(payload, CloudEvent.class);
        } catch (Exception e) {
            LOG.warnf("%s skipped an unreadable event (%s)", consumer, e.getClass().getSimpleName());
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
     * stay in order; on shutdown the failure propagates and the records are redelivered after restart.
     */
    public void retrying(String consumer, String what, Runnable work) {
        long backoffMillis = 100;
        while (true) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    throw e;
                }
                LOG.warnf("%s could not apply %s (%s: %s); retrying in %d ms", consumer, what,
                        e.getClass().getSimpleName(), e.getMessage(), backoffMillis);
                sleep(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, 5_000);
            }
        }
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
