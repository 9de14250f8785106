package io.tiergate.commons.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiergate.commons.event.CloudEvent;
import io.tiergate.commons.event.ConsistencyToken;
import io.tiergate.commons.tx.AfterCommit;
import io.tiergate.commons.event.EventIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

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

    @ConfigProperty(name = "tiergate.events.source")
    String source;

    @Transactional(Transactional.TxType.MANDATORY)
    public ConsistencyToken append(String topic, String type, String subject, Object data) {
        long version = nextSubjectVersion(subject);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        CloudEvent event = event(type, subject, now, version, data);
        OutboxEntry entry = new OutboxEntry();
        entry.eventId = event.id();
        entry.topic = topic;
        entry.partitionKey = subject;
        entry.type = type;
        entry.payload = toJson(event);
        entry.createdAt = now;
        entry.persist();
        afterCommit.run(relay::wakeUp);
        return new ConsistencyToken(source, subject, version);
    }

    /** A record for {@link #appendRecords}. */
    public record Record(String type, String subject, Object data) {
    }

    /**
     * Appends records no read ever waits for (decision log entries, for one) in one statement: they carry no
     * per-subject version, so a busy subject's records never queue on its version row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendRecords(String topic, List<Record> records) {
        if (records.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        StringBuilder sql = new StringBuilder("INSERT INTO outbox_event "
                + "(event_id, topic, partition_key, type, payload, created_at, attempts) VALUES ");
        for (int i = 0; i < records.size(); i++) {
            int p = i * 6;
            sql.append(i == 0 ? "" : ", ").append("(?").append(p + 1).append(", ?").append(p + 2).append(", ?")
                    .append(p + 3).append(", ?").append(p + 4).append(", ?").append(p + 5).append(", ?")
                    .append(p + 6).append(", 0)");
        }
        var insert = entityManager.createNativeQuery(sql.toString());
        for (int i = 0; i < records.size(); i++) {
            Record record = records.get(i);
            CloudEvent event = event(record.type(), record.subject(), now, null, record.data());
            int p = i * 6;
            insert.setParameter(p + 1, event.id()).setParameter(p + 2, topic).setParameter(p + 3, record.subject())
                    .setParameter(p + 4, record.type()).setParameter(p + 5, toJson(event)).setParameter(p + 6, now);
        }
        insert.executeUpdate();
        afterCommit.run(relay::wakeUp);
    }

    /** Monotonic per-subject version, incremented under the row lock of the upsert. */
    private long nextSubjectVersion(String subject) {
        Object version = entityManager.createNativeQuery("""
                        INSERT INTO subject_version (subject, version) VALUES (?1, 1)
                        ON CONFLICT (subject) DO UPDATE SET version = subject_version.version + 1
                        RETURNING version""")
                .setParameter(1, subject)
                .getSingleResult();
        return ((Number) version).longValue();
    }

    private CloudEvent event(String type, String subject, OffsetDateTime now, Long version, Object data) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, EventIds.random(), source, type, subject, now, CloudEvent.JSON,
                version, objectMapper.valueToTree(data));
    }

    private String toJson(CloudEvent event) {
        try {
            return objectMapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event could not be serialised: " + event.type(), e);
        }
    }
}
