package io.tiergate.tier.effective;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.tiergate.tier.grant.TierEvents.EffectiveGrant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The effective tiers last announced for a person, so that an unchanged set is not announced again. */
@Entity
@Table(name = "effective_tier")
public class AnnouncedTiers extends PanacheEntityBase {

    @Id
    public String subject;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<EffectiveGrant> tiers = new ArrayList<>();

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
