package io.tiergate.audit.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.tiergate.audit.merkle.CompactRange;
import io.tiergate.audit.merkle.NodeStore;
import io.tiergate.audit.merkle.TreeState;
import io.tiergate.audit.proof.Checkpointer;
import io.tiergate.audit.shredding.PersonalDataCipher;
import io.tiergate.audit.verifier.Rfc6962;
import io.tiergate.commons.event.CloudEvent;
import io.tiergate.commons.tx.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Appends events to the log, one writer at a time, each event once: entries, their leaves and every
 * perfect subtree they complete commit together, a batch per transaction.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class);

    /** Serialises appenders across threads and instances so that indexes stay gap-free and ordered. */
    private static final long APPEND_LOCK = 0x7469657267617465L;

    @Inject
    EntityManager entityManager;

    @Inject
    EntryCanonicalizer canonicalizer;

    @Inject
    TreeState tree;

    @Inject
    NodeStore nodes;

    @Inject
    AfterCommit afterCommit;

    @Inject
    Checkpointer checkpointer;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    MeterRegistry meters;

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String topic, String payload, CloudEvent event) {
        appendAll(List.of(new Arrival(topic, payload, event)));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(List<Arrival> arrivals) {
        entityManager
                .createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
                .setParameter(1, APPEND_LOCK)
                .getSingleResult();
        Set<UUID> seen = new HashSet<>(alreadyAppended(arrivals));
        CompactRange range = tree.current();
        Map<String, Optional<byte[]>> subjectKeys = cipher.keysFor(arrivals.stream()
                .map(a -> a.event().subject())
                .filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet()));
        List<AuditEntry> entries = new ArrayList<>();
        List<CompactRange.StoredNode> created = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (Arrival arrival : arrivals) {
            if (!seen.add(arrival.event().id())) {
                continue; // a redelivery
            }
            ObjectNode sealed = sealed(arrival, subjectKeys);
            if (sealed == null) {
                continue;
            }
            AuditEntry entry = entryOf(arrival, range.size(), now);
            entry.entry = canonicalizer.entry(arrival.topic(), sealed.toString());
            entry.leafHash = Rfc6962.leafHash(entry.entry);
            created.addAll(range.append(entry.leafHash));
            entries.add(entry);
            if (entry.eventTime != null) {
                // How far behind its topic the log runs: event time to append, per topic.
                meters.timer("tiergate.audit.ingest.lag", "topic", entry.topic)
                        .record(Duration.between(entry.eventTime, now).abs());
            }
        }
        if (entries.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            insertEntries(connection, entries);
            nodes.insert(connection, created);
        });
        afterCommit.run(() -> {
            tree.commit(range);
            checkpointer.appended(range.size());
        });
    }

    private List<UUID> alreadyAppended(List<Arrival> arrivals) {
        Object[] ids = arrivals.stream().map(a -> a.event().id()).toArray();
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query =
                    connection.prepareStatement("SELECT event_id FROM audit_entry WHERE event_id = ANY(?)")) {
                query.setArray(1, connection.createArrayOf("uuid", ids));
                List<UUID> found = new ArrayList<>();
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getObject(1, UUID.class));
                    }
                }
                return found;
            }
        });
    }

    /** The event as the log keeps it: personal data sealed under the subject's key (crypto-shredding). */
    private ObjectNode sealed(Arrival arrival, Map<String, Optional<byte[]>> subjectKeys) {
        try {
            return cipher.seal((ObjectNode) objectMapper.readTree(arrival.payload()), subjectKeys);
        } catch (JsonProcessingException | ClassCastException e) {
            LOG.warnf(
                    "audit log skipped event %s: not a JSON object",
                    arrival.event().id());
            return null;
        }
    }

    private static AuditEntry entryOf(Arrival arrival, long index, OffsetDateTime now) {
        CloudEvent event = arrival.event();
        AuditEntry entry = new AuditEntry();
        entry.leafIndex = index;
        entry.eventId = event.id();
        entry.topic = arrival.topic();
        entry.type = event.type();
        entry.source = event.source() == null ? "unknown" : event.source();
        entry.subject = event.subject();
        // campaign-service names the deciding officer "officer"; the log's actor column finds them either way
        entry.actor = text(event, "actor") != null ? text(event, "actor") : text(event, "officer");
        entry.capability = text(event, "capability");
        entry.eventTime = event.time();
        entry.recordedAt = now;
        return entry;
    }

    private static void insertEntries(java.sql.Connection connection, List<AuditEntry> entries)
            throws java.sql.SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO audit_entry (leaf_index, event_id, topic, type, source, subject, actor, capability,
                                         event_time, recorded_at, entry, leaf_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (AuditEntry entry : entries) {
                insert.setLong(1, entry.leafIndex);
                insert.setObject(2, entry.eventId);
                insert.setString(3, entry.topic);
                insert.setString(4, entry.type);
                insert.setString(5, entry.source);
                insert.setString(6, entry.subject);
                insert.setString(7, entry.actor);
                insert.setString(8, entry.capability);
                insert.setTimestamp(9, entry.eventTime == null ? null : Timestamp.from(entry.eventTime.toInstant()));
                insert.setTimestamp(10, Timestamp.from(entry.recordedAt.toInstant()));
                insert.setBytes(11, entry.entry);
                insert.setBytes(12, entry.leafHash);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static String text(CloudEvent event, String field) {
        return event.data() != null && event.data().hasNonNull(field)
                ? event.data().get(field).asText()
                : null;
    }
}
