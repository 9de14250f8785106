package io.tiergate.commons.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tiergate.commons.trace.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka in commit order, keyed by subject, with {@code acks=all}.
 * A row is marked published only after the broker acknowledged it; when Kafka is down rows stay
 * and are retried with back-off, so a fault loses nothing (at-least-once; consumers dedupe by id).
 * A commit wakes the relay at once; a periodic poll catches anything a wake-up missed.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry meters;

    /** Kafka's own setting, which the messaging extension reads too: no mapping of ours may own kafka.*. */
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    OutboxConfig config;

    private long nextPurge;

    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, String> producer;

    void start(@Observes StartupEvent ignored) {
        if (!config.enabled()) {
            LOG.info("outbox relay disabled by configuration");
            return;
        }
        producer = new KafkaProducer<>(producerConfig());
        meters.gauge("tiergate.outbox.pending", this, OutboxRelay::countPending);
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        if (worker != null) {
            wakeUp();
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    public void wakeUp() {
        wakeUps.release();
    }

    private Properties producerConfig() {
        return producerConfig(bootstrapServers, 0);
    }

    /** acks=all and idempotent; fails fast while the broker is away, since what is not acknowledged is retried. */
    public static Properties producerConfig(String bootstrapServers, int lingerMillis) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(lingerMillis));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return props;
    }

    /**
     * A CloudEvent in structured mode: keyed by subject, with its content type and, when it was written in a trace,
     * the W3C {@code traceparent} and {@code tracestate} headers (the same as in the envelope), which Kafka consumers'
     * instrumentation continues.
     */
    static ProducerRecord<String, String> kafkaRecord(String topic, String subject, String json, TraceContext trace) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, subject, json);
        record.headers().add(new RecordHeader("content-type", CONTENT_TYPE));
        if (trace != null && trace.traceparent() != null) {
            record.headers()
                    .add(new RecordHeader(
                            TraceContext.TRACEPARENT, trace.traceparent().getBytes(StandardCharsets.UTF_8)));
            if (trace.tracestate() != null && !trace.tracestate().isEmpty()) {
                record.headers()
                        .add(new RecordHeader(
                                TraceContext.TRACESTATE, trace.tracestate().getBytes(StandardCharsets.UTF_8)));
            }
        }
        return record;
    }

    /** An outbox row as its Kafka record, with the trace context it was written in. */
    static ProducerRecord<String, String> kafkaRecord(OutboxEntry entry) {
        TraceContext trace = entry.traceparent == null ? null : new TraceContext(entry.traceparent, entry.tracestate);
        return kafkaRecord(entry.topic, entry.partitionKey, entry.payload, trace);
    }

    private static final byte[] CONTENT_TYPE =
            "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8);

    private void run() {
        long backoffMillis = 0;
        while (running) {
            try {
                long waitMillis = backoffMillis > 0
                        ? backoffMillis
                        : config.pollInterval().toMillis();
                wakeUps.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                if (!running) {
                    break;
                }
                while (running && publishBatch() == config.batchSize()) {
                    // a full batch means more may be waiting
                }
                backoffMillis = 0;
                purgeIfDue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                backoffMillis = Math.min(Math.max(backoffMillis * 2, 250), 5_000);
                LOG.warnf(
                        "outbox relay could not publish (%s); retrying in %d ms",
                        e.getClass().getSimpleName() + ": " + e.getMessage(), backoffMillis);
            }
        }
    }

    private void purgeIfDue() {
        if (System.nanoTime() - nextPurge < 0) {
            return;
        }
        nextPurge = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention());
        int purged = QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("DELETE FROM outbox_event WHERE published_at < ?1")
                        .setParameter(1, cutoff)
                        .executeUpdate());
        if (purged > 0) {
            LOG.infof("purged %d published outbox rows older than %s", purged, config.retention());
        }
    }

    private double countPending() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")
                                .getSingleResult())
                        .doubleValue());
    }

    /** Publishes one batch in its own transaction; returns how many rows it published. */
    int publishBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<OutboxEntry> pending = entityManager
                    .createNativeQuery(
                            "SELECT * FROM outbox_event WHERE published_at IS NULL ORDER BY seq LIMIT ?1 "
                                    + "FOR UPDATE SKIP LOCKED",
                            OutboxEntry.class)
                    .setParameter(1, config.batchSize())
                    .getResultList();
            if (pending.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(pending.size());
            for (OutboxEntry entry : pending) {
                entry.attempts++;
                acks.add(producer.send(kafkaRecord(entry)));
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            for (int i = 0; i < pending.size(); i++) {
                try {
                    acks.get(i).get(15, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // The batch rolls back and is sent again: duplicates are fine, consumers dedupe by id.
                    throw new IllegalStateException("broker did not acknowledge " + pending.get(i).type, e);
                }
            }
            for (OutboxEntry entry : pending) {
                entry.publishedAt = now;
            }
            return pending.size();
        });
    }
}
