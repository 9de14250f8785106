package io.tiergate.audit.log;

import io.opentelemetry.api.trace.Span;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.tiergate.commons.event.CloudEvent;
import io.tiergate.commons.inbox.EventConsumer;
import io.tiergate.commons.trace.EventTracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Every topic of the platform flows into the log, a poll's worth of records per transaction (batches
 * are what make thousands of appends a second possible). Duplicates are dropped by event id.
 */
@ApplicationScoped
public class AuditEventsConsumer {

    static final String CONSUMER = "audit-service";
    private static final Logger LOG = Logger.getLogger(AuditEventsConsumer.class);

    @Inject
    EventConsumer consumer;

    @Inject
    AuditLog log;

    @Inject
    EventTracing tracing;

    @Incoming("audited-events")
    @Blocking
    public void onEvents(ConsumerRecords<String, String> records) {
        List<Arrival> arrivals = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            CloudEvent event = consumer.parse(CONSUMER, record.value());
            if (event != null) {
                arrivals.add(new Arrival(record.topic(), record.value(), event));
            }
        }
        if (arrivals.isEmpty()) {
            return;
        }
        // Each traced event's append is a span in its trace (untraced ones get none: no trace per event on this path).
        List<Span> spans = tracing.consumingTraced(
                CONSUMER, "append", arrivals.stream().map(Arrival::event).toList());
        RuntimeException failure = null;
        try {
            append(arrivals);
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            EventTracing.end(spans, failure);
        }
    }

    private void append(List<Arrival> arrivals) {
        try {
            consumer.retrying(
                    CONSUMER,
                    arrivals.size() + " events",
                    () -> QuarkusTransaction.requiringNew().run(() -> log.appendAll(arrivals)));
        } catch (RuntimeException e) {
            // Something in the batch can never be appended: append one by one, so only it is skipped.
            for (Arrival arrival : arrivals) {
                try {
                    consumer.retrying(
                            CONSUMER,
                            "event " + arrival.event().id(),
                            () -> QuarkusTransaction.requiringNew().run(() -> log.appendAll(List.of(arrival))));
                } catch (RuntimeException rejected) {
                    LOG.warnf(
                            "audit log skipped event %s (%s)",
                            arrival.event().id(), rejected.getClass().getSimpleName());
                }
            }
        }
    }
}
