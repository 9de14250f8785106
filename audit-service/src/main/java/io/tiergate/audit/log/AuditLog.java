package io.tiergate.audit.log;

import io.tiergate.audit.merkle.CompactRange;
import io.tiergate.audit.merkle.NodeStore;
import io.tiergate.audit.merkle.TreeState;
import io.tiergate.audit.proof.Checkpointer;
import io.tiergate.audit.verifier.Rfc6962;
import io.tiergate.commons.event.CloudEvent;
import io.tiergate.commons.tx.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Appends events to the log, one writer at a time, each event once: the entry, its leaf and every
 * perfect subtree it completes commit together.
 */
@ApplicationScoped
public class AuditLog {

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

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String topic, String payload, CloudEvent event) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, APPEND_LOCK).getSingleResult();
        if (AuditEntry.count("eventId", event.id()) > 0) {
            return;
        }
        CompactRange range = tree.working();
        AuditEntry entry = new AuditEntry();
        entry.leafIndex = range.size();
        entry.eventId = event.id();
        entry.topic = topic;
        entry.type = event.type();
        entry.source = event.source() == null ? "unknown" : event.source();
        entry.subject = event.subject();
        entry.actor = text(event, "actor");
        entry.capability = text(event, "capability");
        entry.eventTime = event.time();
        entry.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        entry.entry = canonicalizer.entry(topic, payload);
        entry.leafHash = Rfc6962.leafHash(entry.entry);
        entry.persist();
        List<CompactRange.StoredNode> created = range.append(entry.leafHash);
        entityManager.unwrap(Session.class).doWork(connection -> nodes.insert(connection, created));
        afterCommit.run(() -> {
            tree.commit(range);
            checkpointer.appended(range.size());
        });
    }

    private static String text(CloudEvent event, String field) {
        return event.data() != null && event.data().hasNonNull(field) ? event.data().get(field).asText() : null;
    }
}
