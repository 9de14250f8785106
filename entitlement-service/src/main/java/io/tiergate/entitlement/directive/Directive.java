package io.tiergate.entitlement.directive;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An emergency directive: a restriction on a capability that overrides tier entitlements while active. */
@Entity
@Table(name = "directive")
public class Directive extends PanacheEntityBase {

    public enum Status {
        PENDING,
        ACTIVE,
        REVOKED
    }

    @Id
    public UUID id;

    /** An exact capability ("fable-5:agentic"), all of a model's ("mythos-5:*"), or everything ("*"). */
    @Column(nullable = false)
    public String capability;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "allowed_nationalities", nullable = false)
    public List<String> allowedNationalities = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "denied_jurisdictions", nullable = false)
    public List<String> deniedJurisdictions = new ArrayList<>();

    @Column(name = "deny_all", nullable = false)
    public boolean denyAll;

    @Column(nullable = false)
    public String reason;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** Issued alone by a platform admin in an emergency: in force at once, queued for a second look. */
    @Column(name = "break_glass", nullable = false)
    public boolean breakGlass;

    @Column(name = "issued_by", nullable = false)
    public String issuedBy;

    @Column(name = "issued_at", nullable = false)
    public OffsetDateTime issuedAt;

    @Column(name = "confirmed_by")
    public String confirmedBy;

    @Column(name = "confirmed_at")
    public OffsetDateTime confirmedAt;

    public boolean matches(String requested) {
        return "*".equals(capability)
                || capability.equals(requested)
                || (capability.endsWith(":*")
                        && requested.startsWith(capability.substring(0, capability.length() - 1)));
    }
}
