package io.tiergate.campaign.campaign;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An account in a campaign: its score, when it was flagged (event time), what linked it, and its containment. */
@Entity
@Table(name = "campaign_member")
public class CampaignMember extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "campaign_id")
        public UUID campaignId;

        @Column(name = "account_id")
        public String accountId;

        public Key() {}

        public Key(UUID campaignId, String accountId) {
            this.campaignId = campaignId;
            this.accountId = accountId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.campaignId.equals(campaignId) && k.accountId.equals(accountId);
        }

        @Override
        public int hashCode() {
            return campaignId.hashCode() * 31 + accountId.hashCode();
        }
    }

    @EmbeddedId
    public Key key;

    public double score;

    @Column(name = "flagged_at")
    public OffsetDateTime flaggedAt;

    @Column(name = "first_seen")
    public OffsetDateTime firstSeen;

    @Column(name = "last_seen")
    public OffsetDateTime lastSeen;

    /** The prompt families that linked it, comma-separated. */
    @Column(name = "linked_by")
    public String linkedBy;

    @Column(name = "ip_prefix")
    public String ipPrefix;

    public String asn;

    @Column(name = "user_agent")
    public String userAgent;

    @Column(name = "org_id")
    public String orgId;

    /** identity-service's duplicate-identity cluster the account was in when flagged, if any. */
    @Column(name = "identity_cluster")
    public String identityCluster;

    @Enumerated(EnumType.STRING)
    @Column(name = "contained_level")
    public ContainmentLevel containedLevel;
}
