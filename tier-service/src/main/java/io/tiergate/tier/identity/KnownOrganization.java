package io.tiergate.tier.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An organization (KYB) as identity-service announced it: its kind decides which tiers it can qualify for. */
@Entity
@Table(name = "known_organization")
public class KnownOrganization extends PanacheEntityBase {

    public static final String VERIFIED = "VERIFIED";

    @Id
    public UUID id;

    /** COMPANY, RESEARCH_INSTITUTION or GOVERNMENT_AGENCY. */
    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String status;

    @Column(name = "country_of_incorporation", nullable = false)
    public String countryOfIncorporation;

    @Column(name = "identity_version", nullable = false)
    public long identityVersion;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public boolean verified() {
        return VERIFIED.equals(status);
    }
}
