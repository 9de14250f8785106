package io.tiergate.commons.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One event waiting to be published; written in the same transaction as the state change it describes. */
@Entity
@Table(name = "outbox_event")
public class OutboxEntry extends PanacheEntityBase {

    /** Publication order: one subject's events leave in the order they were written. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "partition_key", nullable = false)
    public String partitionKey;

    @Column(nullable = false)
    public String type;

    /** The whole CloudEvent as JSON, exactly as it will be published. */
    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(nullable = false)
    public int attempts;

    /**
     * The W3C trace context of the request or consumer that wrote the row (also in the payload), which the relay
     * sends as Kafka headers; null outside any trace, as when tracing is off.
     */
    @Column(columnDefinition = "text")
    public String traceparent;

    @Column(columnDefinition = "text")
    public String tracestate;
}
