package io.tiergate.entitlement.policy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;

/** One entry of the publication log; the newest entry names the policy in force. */
@Entity
@Table(name = "policy_publication")
public class PolicyPublication extends PanacheEntityBase {

    public enum Kind {
        PUBLISH,
        ROLLBACK
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "previous_version")
    public String previousVersion;

    @Column(name = "published_by", nullable = false)
    public String publishedBy;

    @Column(name = "published_at", nullable = false)
    public OffsetDateTime publishedAt;

    /** The second officer who confirmed it; null for a platform-admin's break-glass publication. */
    @Column(name = "confirmed_by")
    public String confirmedBy;

    @Column(name = "break_glass", nullable = false)
    public boolean breakGlass;

    public static Optional<PolicyPublication> newest() {
        return find("ORDER BY id DESC").<PolicyPublication>firstResultOptional();
    }
}
