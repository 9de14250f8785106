package io.tiergate.campaign.campaign;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A campaign: accounts the detector joined through shared evidence, with its latest score and evidence (JSON). */
@Entity
@Table(name = "campaign")
public class Campaign extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public CampaignStatus status;

    public double score;

    /** The detector's CampaignEvidence at the campaign's highest score, as JSON. */
    public String evidence;

    @Column(name = "first_seen")
    public OffsetDateTime firstSeen;

    @Column(name = "last_seen")
    public OffsetDateTime lastSeen;

    @Column(name = "detected_at")
    public OffsetDateTime detectedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "containment_level")
    public ContainmentLevel containmentLevel;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "merged_into")
    public UUID mergedInto;
}
