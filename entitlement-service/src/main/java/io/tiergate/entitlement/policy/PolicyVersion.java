package io.tiergate.entitlement.policy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stored policy version: the document as authored, and where it stands in its lifecycle. */
@Entity
@Table(name = "policy_version")
public class PolicyVersion extends PanacheEntityBase {

    public enum Status {
        DRAFT,
        PUBLISHED,
        SUPERSEDED
    }

    @Id
    public String version;

    public String description;

    /** The {@link PolicyDocument} as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String document;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
