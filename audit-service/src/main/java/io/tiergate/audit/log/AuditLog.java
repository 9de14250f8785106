package io.tiergate.audit.log;

import io.tiergate.commons.event.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Appends events to the hash chain, one writer at a time, each event once. */
@ApplicationScoped
public class AuditLog {

    /** Serialises appenders across threads and instances so the chain never forks. */
    private static final long CHAIN_LOCK = 0x7469657267617465L;

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String topic, String payload, CloudEvent event) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, CHAIN_LOCK).getSingleResult();
        if (AuditRecord.count("eventId", event.id()) > 0) {
            return;
        }
        AuditRecord head = AuditRecord.find("order by seq desc").firstResult();
        AuditRecord record = new AuditRecord();
        record.seq = head == null ? 1 : head.seq + 1;
        record.eventId = event.id();
        record.topic = topic;
        record.type = event.type();
        record.source = event.source() == null ? "unknown" : event.source();
        record.subject = event.subject();
        record.eventTime = event.time();
        record.payload = payload;
        record.prevHash = head == null ? HashChain.GENESIS : head.hash;
        record.hash = HashChain.link(record.prevHash, payload);
        record.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        record.persist();
    }

    public List<AuditRecord> ofSubject(String subject, long afterSeq, int limit) {
        return AuditRecord.find("subject = ?1 and seq > ?2 order by seq", subject, afterSeq).page(0, limit).list();
    }
}
