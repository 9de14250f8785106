package io.tiergate.identity.organization;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.tiergate.identity.pii.PiiCipher;
import io.tiergate.identity.pii.UnreadablePersonalData;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
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

    /** Personal data: set when the party is made, sealed at rest bound to this row (PiiCipher), opened on load. */
    @Transient
    public String name;

    @Column(name = "name", nullable = false)
    String nameSealed;

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

    static final String NAME = "organization_party.name";

    @PrePersist
    void seal() {
        reseal(PiiCipher.configured());
    }

    /** The name did not open as the row was loaded (see {@link UnreadablePersonalData}): it is null. */
    @Transient
    public boolean personalDataUnreadable;

    /** Seals the name under the cipher's active key (on creation, and when keys rotate). */
    public void reseal(PiiCipher cipher) {
        if (personalDataUnreadable) {
            throw UnreadablePersonalData.refuseToReseal("organization_party", id);
        }
        nameSealed = cipher.seal(name, NAME, id);
    }

    @PostLoad
    void open() {
        try {
            name = PiiCipher.configured().open(nameSealed, NAME, id);
        } catch (PiiCipher.SealBroken e) {
            name = null;
            personalDataUnreadable = true;
            UnreadablePersonalData.report("organization_party", id, e);
        }
    }
}
