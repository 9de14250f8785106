package io.tiergate.commons.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiergate.commons.event.CloudEvent;
import io.tiergate.commons.event.ConsistencyToken;
import io.tiergate.commons.event.EventIds;
import io.tiergate.commons.event.EventsConfig;
import io.tiergate.commons.trace.TraceContext;
import io.tiergate.commons.tx.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/**
 * Appends CloudEvents to the outbox inside the caller's transaction, so that no state change is
 * committed without its event. The {@link OutboxRelay} publishes them after commit.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    OutboxRelay relay;

    @Inject
    AfterCommit afterCommit;

    @Inject
    EventsConfig events;

    @Transactional(Transactional.TxType.MANDATORY)
    public ConsistencyToken append(String topic, String type, String subject, Object data) {
        long version = nextSubjectVersion(subject);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        TraceContext trace = TraceContext.current();
        CloudEvent event = event(type, subject, now, version, data, trace);
        OutboxEntry entry = new OutboxEntry();
        entry.eventId = event.id();
        entry.topic = topic;
        entry.partitionKey = subject;
        entry.type = type;
        entry.payload = toJson(event);
        entry.createdAt = now;
        if (trace != null) {
            entry.traceparent = trace.traceparent();
            entry.tracestate = trace.tracestate();
        }
        entry.persist();
        afterCommit.run(relay::wakeUp);
        return new ConsistencyToken(events.source(), subject, version);
    }

    /** A record for {@link #appendRecords}: no read ever waits for it, so it carries no per-subject version. */
    public record Record(String type, String subject, Object data) {}

    /**
     * A record made into its CloudEvent, ready for the outbox or for Kafka; its id stays the same either way. {@code
     * trace} is the trace context it was prepared in (null outside any trace), in the JSON and for the Kafka headers.
     */
    public record Prepared(
            UUID id, String topic, String subject, String type, String json, OffsetDateTime time, TraceContext trace) {}

    /** Makes a record its CloudEvent (JSON), with an id of its own, in the current trace if there is one. */
    public Prepared prepare(String topic, Record record) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        TraceContext trace = TraceContext.current();
        CloudEvent event = event(record.type(), record.subject(), now, null, record.data(), trace);
        return new Prepared(event.id(), topic, record.subject(), record.type(), toJson(event), now, trace);
    }

    /**
     * Appends records no read ever waits for (decision log entries, for one) in one statement: they carry no
     * per-subject version, so a busy subject's records never queue on its version row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendRecords(String topic, List<Record> records) {
        appendPrepared(records.stream().map(record -> prepare(topic, record)).toList());
    }

    /** Parameters per row of {@link #appendPrepared}'s insert. */
    private static final int COLUMNS = 8;

    /** Appends prepared records in one statement (see {@link #appendRecords}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendPrepared(List<Prepared> records) {
        if (records.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO outbox_event "
                + "(event_id, topic, partition_key, type, payload, created_at, traceparent, tracestate, attempts) "
                + "VALUES ");
        for (int i = 0; i < records.size(); i++) {
            int p = i * COLUMNS;
            sql.append(i == 0 ? "(" : ", (");
            for (int c = 1; c <= COLUMNS; c++) {
                sql.append('?').append(p + c).append(", ");
            }
            sql.append("0)");
        }
        // typed, so that a null trace context binds as text rather than a type PostgreSQL must guess
        NativeQuery<?> insert = entityManager.createNativeQuery(sql.toString()).unwrap(NativeQuery.class);
        for (int i = 0; i < records.size(); i++) {
            Prepared record = records.get(i);
            int p = i * COLUMNS;
            TraceContext trace = record.trace();
            insert.setParameter(p + 1, record.id())
                    .setParameter(p + 2, record.topic())
                    .setParameter(p + 3, record.subject())
                    .setParameter(p + 4, record.type())
                    .setParameter(p + 5, record.json())
                    .setParameter(p + 6, record.time())
                    .setParameter(p + 7, trace == null ? null : trace.traceparent(), String.class)
                    .setParameter(p + 8, trace == null ? null : trace.tracestate(), String.class);
        }
        insert.executeUpdate();
        afterCommit.run(relay::wakeUp);
    }

    /** Monotonic per-subject version, incremented under the row lock of the upsert. */
    private long nextSubjectVersion(String subject) {
        Object version =
                entityManager.createNativeQuery("""
                        INSERT INTO subject_version (subject, version) VALUES (?1, 1)
                        ON CONFLICT (subject) DO UPDATE SET version = subject_version.version + 1
                        RETURNING version""").setParameter(1, subject).getSingleResult();
        return ((Number) version).longValue();
    }

    private CloudEvent event(
            String type, String subject, OffsetDateTime now, Long version, Object data, TraceContext trace) {
        return new CloudEvent(
                CloudEvent.SPEC_VERSION,
                EventIds.random(),
                events.source(),
                type,
                subject,
                now,
                CloudEvent.JSON,
                version,
                objectMapper.valueToTree(data),
                trace == null ? null : trace.traceparent(),
                trace == null ? null : trace.tracestate());
    }

    private String toJson(CloudEvent event) {
        try {
            return objectMapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event could not be serialised: " + event.type(), e);
        }
    }
}
