package io.tiergate.commons.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiergate.commons.event.CloudEvent;
import io.tiergate.commons.event.ConsistencyToken;
import io.tiergate.commons.tx.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

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
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID(), source, type, subject, now,
                CloudEvent.JSON, version, objectMapper.valueToTree(data));
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

    private String toJson(CloudEvent event) {
        try {
            return objectMapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event could not be serialised: " + event.type(), e);
        }
    }
}
