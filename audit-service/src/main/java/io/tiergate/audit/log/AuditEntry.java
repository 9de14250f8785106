package io.tiergate.audit.log;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One entry of the log: the canonical bytes its leaf hash covers, plus columns extracted from them for
 * queries (never trusted by proofs).
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @Column(name = "leaf_index")
    public Long leafIndex;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String source;

    public String subject;

    public String actor;

    public String capability;

    @Column(name = "event_time")
    public OffsetDateTime eventTime;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(nullable = false)
    public byte[] entry;

    @Column(name = "leaf_hash", nullable = false)
    public byte[] leafHash;
}
