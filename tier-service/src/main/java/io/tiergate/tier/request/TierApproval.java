package io.tiergate.tier.request;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** One officer's approval of a request; the key (request, officer subject) makes an officer count once. */
@Entity
@Table(name = "tier_approval")
@IdClass(TierApproval.Key.class)
public class TierApproval extends PanacheEntityBase {

    public static class Key implements Serializable {
        public UUID requestId;
        public String officer;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(requestId, k.requestId) && Objects.equals(officer, k.officer);
        }

        @Override
        public int hashCode() {
            return Objects.hash(requestId, officer);
        }
    }

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Id
    public String officer;

    @Column(name = "approved_at", nullable = false)
    public OffsetDateTime approvedAt;

    public String comment;

    public static List<TierApproval> of(UUID requestId) {
        return list("requestId = ?1 order by approvedAt", requestId);
    }
}
