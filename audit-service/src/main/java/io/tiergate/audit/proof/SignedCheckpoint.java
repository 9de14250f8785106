package io.tiergate.audit.proof;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A signed tree head: the root of the first {@code treeSize} entries, as a C2SP signed note. */
@Entity
@Table(name = "checkpoint")
public class SignedCheckpoint extends PanacheEntityBase {

    @Id
    @Column(name = "tree_size")
    public Long treeSize;

    @Column(name = "root_hash", nullable = false)
    public byte[] rootHash;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(nullable = false)
    public String note;

    public static SignedCheckpoint latest() {
        return find("order by treeSize desc").firstResult();
    }
}
