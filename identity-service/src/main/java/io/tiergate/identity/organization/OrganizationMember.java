package io.tiergate.identity.organization;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One period of a subject's membership in an organization. Leaving closes the row ({@code leftAt});
 * rows are never deleted, so the history of who could act for the organization stays.
 */
@Entity
@Table(name = "organization_member")
public class OrganizationMember extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Column(nullable = false)
    public String subject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MemberRole role;

    @Column(name = "joined_at", nullable = false)
    public OffsetDateTime joinedAt;

    @Column(name = "added_by", nullable = false)
    public String addedBy;

    @Column(name = "left_at")
    public OffsetDateTime leftAt;

    @Column(name = "removed_by")
    public String removedBy;

    static Optional<OrganizationMember> current(UUID organizationId, String subject) {
        return find("organizationId = ?1 and subject = ?2 and leftAt is null", organizationId, subject)
                .firstResultOptional();
    }

    static List<OrganizationMember> currentOf(UUID organizationId) {
        return list("organizationId = ?1 and leftAt is null order by joinedAt, subject", organizationId);
    }
}
