package io.tiergate.tier.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Whether a person currently belongs to an organization, as identity-service last said. */
@Entity
@Table(name = "organization_membership")
public class OrganizationMembership extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "organization_id")
        public UUID organizationId;

        public String subject;

        public Key() {}

        public Key(UUID organizationId, String subject) {
            this.organizationId = organizationId;
            this.subject = subject;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(organizationId, k.organizationId)
                    && Objects.equals(subject, k.subject);
        }

        @Override
        public int hashCode() {
            return Objects.hash(organizationId, subject);
        }
    }

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public boolean member;

    @Column(name = "identity_version", nullable = false)
    public long identityVersion;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** The organizations a person belongs to now. */
    public static List<UUID> organizationsOf(String subject) {
        return OrganizationMembership.<OrganizationMembership>list("key.subject = ?1 and member = true", subject)
                .stream()
                .map(m -> m.key.organizationId)
                .toList();
    }

    /** The people who belong to an organization now. */
    public static List<String> membersOf(UUID organizationId) {
        return OrganizationMembership.<OrganizationMembership>list(
                        "key.organizationId = ?1 and member = true", organizationId)
                .stream()
                .map(m -> m.key.subject)
                .toList();
    }

    public static boolean isMember(String subject, UUID organizationId) {
        return count("key.subject = ?1 and key.organizationId = ?2 and member = true", subject, organizationId) > 0;
    }
}
