package io.tiergate.campaign.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A campaign as officers and auditors read it: score, evidence, members, event-time span, status and decision. */
public record CampaignView(
        UUID id,
        CampaignStatus status,
        double score,
        JsonNode evidence,
        int accounts,
        List<String> families,
        OffsetDateTime firstSeen,
        OffsetDateTime lastSeen,
        OffsetDateTime detectedAt,
        ContainmentLevel containmentLevel,
        String decidedBy,
        OffsetDateTime decidedAt,
        String decisionReason,
        UUID mergedInto,
        List<Member> members) {

    /** A member: its score, the event time it was flagged, what linked it, and its containment. */
    public record Member(
            String accountId,
            double score,
            OffsetDateTime flaggedAt,
            OffsetDateTime firstSeen,
            OffsetDateTime lastSeen,
            List<String> linkedBy,
            String ipPrefix,
            String asn,
            String userAgent,
            String orgId,
            String identityCluster,
            ContainmentLevel contained) {

        static Member of(CampaignMember m) {
            return new Member(
                    m.key.accountId,
                    m.score,
                    m.flaggedAt,
                    m.firstSeen,
                    m.lastSeen,
                    List.of(m.linkedBy.split(",")),
                    m.ipPrefix,
                    m.asn,
                    m.userAgent,
                    m.orgId,
                    m.identityCluster,
                    m.containedLevel);
        }
    }
}
