package io.tiergate.identity.organization;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.tiergate.identity.pii.EncryptedString;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** A beneficial owner or legal representative of an organization; the name is encrypted at rest. */
@Entity
@Table(name = "organization_party")
public class OrganizationParty extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PartyKind kind;

    @Convert(converter = EncryptedString.class)
    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String nationality;

    /** Beneficial owners only. */
    @Column(name = "ownership_percent")
    public BigDecimal ownershipPercent;

    static OrganizationParty of(
            UUID organizationId, PartyKind kind, String name, String nationality, BigDecimal ownershipPercent) {
        OrganizationParty party = new OrganizationParty();
        party.id = UUID.randomUUID();
        party.organizationId = organizationId;
        party.kind = kind;
        party.name = name;
        party.nationality = nationality;
        party.ownershipPercent = ownershipPercent;
        return party;
    }
}
