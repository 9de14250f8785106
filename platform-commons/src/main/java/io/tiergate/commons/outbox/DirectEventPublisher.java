package io.tiergate.commons.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes CloudEvents that no state change depends on (decision log entries and usage counters' deltas, for two)
 * straight to Kafka, batched by the producer, instead of through an outbox row each: at thousands a second the
 * outbox's insert, select and update per event cost more than the decisions themselves. Nothing is lost: an event the
 * broker does not acknowledge goes to the outbox with the same event id ({@link #spillUnacknowledged}, which those who
 * publish call) and flows from there when the broker is back; consumers dedupe by id. Thread-safe.
 */
@ApplicationScoped
public class DirectEventPublisher {

    private static final Logger LOG = Logger.getLogger(DirectEventPublisher.class);

    @Inject
    Outbox outbox;

    @Inject
    MeterRegistry meters;

    /** Kafka's own setting, which the messaging extension reads too: no mapping of ours may own kafka.*. */
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafkaBootstrapServers;

    @Inject
    RecordsConfig config;

    private final ConcurrentLinkedQueue<Outbox.Prepared> unacknowledged = new ConcurrentLinkedQueue<>();
    private volatile KafkaProducer<String, String> producer;
    private volatile Exception lastFailure;
    private Counter spilled;

    void start(@Observes StartupEvent ignored) {
        spilled = meters.counter("tiergate.records.spilled-to-outbox");
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    if (System.nanoTime() - retryConstructionAt < 0) {
                        throw new IllegalStateException("producer not yet constructible");
                    }
                    try {
                        producer = new KafkaProducer<>(OutboxRelay.producerConfig(
                                config.bootstrapServers().orElse(kafkaBootstrapServers),
                                (int) config.linger().toMillis()));
                    } catch (RuntimeException e) {
                        retryConstructionAt =
                                System.nanoTime() + Duration.ofSeconds(5).toNanos();
                        LOG.errorf("records go to the outbox: no producer (%s)", rootCause(e));
                        throw e;
                    }
                }
                current = producer;
            }
        }
        return current;
    }

    private long retryConstructionAt = System.nanoTime();

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** Sends records without waiting; what the broker does not acknowledge is kept for the outbox. */
    public void publish(List<Outbox.Prepared> records) {
        for (int i = 0; i < records.size(); i++) {
            Outbox.Prepared record = records.get(i);
            try {
                producer()
                        .send(
                                OutboxRelay.kafkaRecord(
                                        record.topic(), record.subject(), record.json(), record.trace()),
                                (metadata, failure) -> {
                                    if (failure != null) {
                                        lastFailure = failure;
                                        unacknowledged.add(record);
                                    }
                                });
            } catch (RuntimeException e) {
                lastFailure = e;
                // refused at once (no broker metadata within max.block.ms, or closed): the rest would wait as long,
                // so the outbox takes them all
                unacknowledged.addAll(records.subList(i, records.size()));
                return;
            }
        }
    }

    /**
     * Writes the records the broker did not acknowledge to the outbox, in one transaction; the caller retries when
     * the database is away too. Returns how many it wrote.
     */
    public int spillUnacknowledged() {
        if (unacknowledged.isEmpty()) {
            return 0;
        }
        List<Outbox.Prepared> batch = new ArrayList<>();
        for (Outbox.Prepared record; batch.size() < 500 && (record = unacknowledged.poll()) != null; ) {
            batch.add(record);
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> outbox.appendPrepared(batch));
        } catch (RuntimeException e) {
            unacknowledged.addAll(batch);
            throw e;
        }
        spilled.increment(batch.size());
        Exception failure = lastFailure;
        LOG.warnf(
                "%d records not acknowledged by the broker were written to the outbox (%s)",
                batch.size(), failure == null ? "?" : failure.getClass().getSimpleName() + ": " + failure.getMessage());
        return batch.size();
    }

    /** Waits until every record sent so far is acknowledged or kept for the outbox, then spills those. */
    public void flush() {
        KafkaProducer<String, String> current = producer;
        if (current != null) {
            current.flush();
        }
        while (spillUnacknowledged() > 0) {
            // until none is left
        }
    }

    /** Closed after the beans that publish have flushed (a lower priority observes first). */
    void stop(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.LIBRARY_AFTER) ShutdownEvent ignored) {
        KafkaProducer<String, String> current = producer;
        if (current == null) {
            return;
        }
        current.close(Duration.ofSeconds(5)); // completes what is in flight; failures land in unacknowledged
        try {
            while (spillUnacknowledged() > 0) {
                // until none is left
            }
        } catch (RuntimeException e) {
            LOG.errorf(
                    "%d records could not be kept at shutdown (%s)",
                    unacknowledged.size(), e.getClass().getSimpleName());
        }
    }
}
