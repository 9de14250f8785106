package io.tiergate.campaign.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiergate.campaign.stream.Topics;
import io.tiergate.commons.outbox.Outbox;
import io.tiergate.commons.problem.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Officers' decisions on campaigns. Confirming announces each member as confirmed (tier-service suspends its grants,
 * identity-service requires it to verify again); dismissing lifts containment and records the campaign's families
 * against its members, so the same evidence never flags them again. Every step is an event, so every step is audited.
 */
@ApplicationScoped
public class CampaignService {

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Transactional
    public CampaignView confirm(UUID id, String officer, String reason) {
        Campaign c = pending(id);
        List<CampaignMember> members = CampaignMember.list("key.campaignId", id);
        decide(c, CampaignStatus.CONFIRMED, officer, reason);
        for (CampaignMember m : members) {
            outbox.append(
                    Topics.CAMPAIGN,
                    CampaignEvents.ACCOUNT_CONFIRMED,
                    m.key.accountId,
                    new CampaignEvents.AccountConfirmed(id.toString(), officer, reason));
        }
        outbox.append(
                Topics.CAMPAIGN,
                CampaignEvents.CONFIRMED,
                id.toString(),
                new CampaignEvents.Decided(id.toString(), officer, reason, members.size()));
        return view(c, members);
    }

    @Transactional
    public CampaignView dismiss(UUID id, String officer, String reason) {
        Campaign c = pending(id);
        List<CampaignMember> members = CampaignMember.list("key.campaignId", id);
        decide(c, CampaignStatus.DISMISSED, officer, reason);
        em.createNativeQuery("INSERT INTO dismissal (account_id, family, campaign_id, dismissed_at) "
                        + "SELECT m.account_id, f.family, ?1, now() FROM campaign_member m JOIN campaign_family f "
                        + "ON f.campaign_id = m.campaign_id WHERE m.campaign_id = ?1 ON CONFLICT DO NOTHING")
                .setParameter(1, id)
                .executeUpdate();
        for (CampaignMember m : members) {
            if (m.containedLevel != null) {
                m.containedLevel = null;
                outbox.append(
                        Topics.CAMPAIGN,
                        CampaignEvents.ACCOUNT_RELEASED,
                        m.key.accountId,
                        new CampaignEvents.AccountReleased(id.toString(), reason));
            }
        }
        outbox.append(
                Topics.CAMPAIGN,
                CampaignEvents.DISMISSED,
                id.toString(),
                new CampaignEvents.Decided(id.toString(), officer, reason, members.size()));
        return view(c, members);
    }

    @Transactional
    public CampaignView get(UUID id) {
        Campaign c = Campaign.findById(id);
        if (c == null) {
            throw ApiProblem.notFound("CAMPAIGN_NOT_FOUND", "no campaign " + id);
        }
        return view(c, CampaignMember.list("key.campaignId", id));
    }

    /** Campaigns, highest score first, optionally of one status; merged ones are left out. */
    @Transactional
    public List<CampaignView> list(CampaignStatus status, int limit) {
        List<Campaign> campaigns = status == null
                ? Campaign.find("status <> ?1 order by score desc, detectedAt", CampaignStatus.MERGED)
                        .page(0, limit)
                        .list()
                : Campaign.find("status = ?1 order by score desc, detectedAt", status)
                        .page(0, limit)
                        .list();
        return campaigns.stream().map(c -> view(c, List.of())).toList();
    }

    private Campaign pending(UUID id) {
        CampaignLock.acquire(em);
        Campaign c = Campaign.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw ApiProblem.notFound("CAMPAIGN_NOT_FOUND", "no campaign " + id);
        }
        if (!c.status.pending()) {
            throw ApiProblem.conflict(
                    "CAMPAIGN_DECIDED",
                    "campaign " + id + " is " + c.status + (c.mergedInto != null ? " into " + c.mergedInto : "")
                            + "; only a pending campaign can be decided");
        }
        return c;
    }

    private static void decide(Campaign c, CampaignStatus status, String officer, String reason) {
        c.status = status;
        c.decidedBy = officer;
        c.decidedAt = OffsetDateTime.now(ZoneOffset.UTC);
        c.decisionReason = reason;
    }

    CampaignView view(Campaign c, List<CampaignMember> members) {
        @SuppressWarnings("unchecked")
        List<String> families = em.createNativeQuery(
                        "SELECT family FROM campaign_family WHERE campaign_id = ?1 " + "ORDER BY family")
                .setParameter(1, c.id)
                .getResultList();
        Number count = (Number) em.createNativeQuery("SELECT count(*) FROM campaign_member WHERE campaign_id = ?1")
                .setParameter(1, c.id)
                .getSingleResult();
        JsonNode evidence;
        try {
            evidence = json.readTree(c.evidence);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CampaignView(
                c.id,
                c.status,
                c.score,
                evidence,
                count.intValue(),
                families,
                c.firstSeen,
                c.lastSeen,
                c.detectedAt,
                c.containmentLevel,
                c.decidedBy,
                c.decidedAt,
                c.decisionReason,
                c.mergedInto,
                members.stream().map(CampaignView.Member::of).toList());
    }
}
