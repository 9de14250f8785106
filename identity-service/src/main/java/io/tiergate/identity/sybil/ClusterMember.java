package io.tiergate.identity.sybil;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A subject's place in an identity cluster: the accounts that share fingerprints, likely one person. */
@Entity
@Table(name = "cluster_member")
public class ClusterMember extends PanacheEntityBase {

    @Id
    public String subject;

    @Column(name = "cluster_id", nullable = false)
    public UUID clusterId;

    /** The fingerprint kinds that linked this subject in, comma-separated, e.g. DOCUMENT,EMAIL. */
    @Column(name = "linked_by", nullable = false)
    public String linkedBy;

    @Column(name = "joined_at", nullable = false)
    public OffsetDateTime joinedAt;

    public static Optional<ClusterMember> of(String subject) {
        return findByIdOptional(subject);
    }

    public static List<ClusterMember> inCluster(UUID clusterId) {
        return list("clusterId = ?1 order by joinedAt", clusterId);
    }
}
