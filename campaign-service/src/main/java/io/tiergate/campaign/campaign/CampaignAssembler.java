package io.tiergate.campaign.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiergate.campaign.detection.CampaignSignal;
import io.tiergate.campaign.stream.Topics;
import io.tiergate.commons.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Turns the detector's signals into campaigns: a signal joins the pending campaign that already holds one of its
 * families or accounts (two such campaigns are merged), or starts one. Each account's first flag is kept; accounts
 * whose evidence an officer dismissed are not flagged on it again; a campaign whose score reaches the containment
 * threshold contains its accounts, announced one event per account through the outbox. Idempotent: a signal
 * delivered twice changes nothing the second time.
 */
@ApplicationScoped
public class CampaignAssembler {

    private static final Logger LOG = Logger.getLogger(CampaignAssembler.class);

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    ContainmentPolicy policy;

    @Inject
    ObjectMapper json;

    @Inject
    CampaignMetrics metrics;

    @Transactional
    public void apply(CampaignSignal signal) {
        CampaignLock.acquire(em);
        List<CampaignSignal.Flagged> flagged = notDismissed(signal);
        Campaign campaign = target(signal, flagged);
        if (campaign == null) {
            return;
        }
        for (String family : signal.families()) {
            em.createNativeQuery(
                            "INSERT INTO campaign_family (family, campaign_id) VALUES (?1, ?2) "
                                    + "ON CONFLICT (family) DO UPDATE SET campaign_id = EXCLUDED.campaign_id "
                                    + "WHERE campaign_family.campaign_id IN (SELECT id FROM campaign WHERE status IN ('MERGED', 'DISMISSED'))")
                    .setParameter(1, family)
                    .setParameter(2, campaign.id)
                    .executeUpdate();
        }
        OffsetDateTime at = time(signal.flaggedAt());
        if (signal.score() >= campaign.score) {
            campaign.score = signal.score();
            campaign.evidence = write(signal.evidence());
        }
        campaign.lastSeen = max(campaign.lastSeen, at);
        // one query for the members the campaign already has, not one per flagged account
        java.util.Map<String, CampaignMember> existing = new java.util.HashMap<>();
        for (List<String> accounts : accountChunks(flagged)) {
            CampaignMember.<CampaignMember>list("key.campaignId = ?1 AND key.accountId IN ?2", campaign.id, accounts)
                    .forEach(m -> existing.put(m.key.accountId, m));
        }
        for (CampaignSignal.Flagged f : flagged) {
            campaign.firstSeen = min(campaign.firstSeen, time(f.firstSeen()));
            CampaignMember.Key key = new CampaignMember.Key(campaign.id, f.accountId());
            CampaignMember member = existing.get(f.accountId());
            if (member == null) {
                member = new CampaignMember();
                member.key = key;
                member.score = f.score();
                member.flaggedAt = at;
                member.firstSeen = time(f.firstSeen());
                member.lastSeen = time(f.lastSeen());
                member.linkedBy = signal.family();
                member.ipPrefix = f.ipPrefix();
                member.asn = f.asn();
                member.userAgent = f.userAgent();
                member.orgId = f.orgId();
                member.identityCluster = f.identityCluster();
                member.persist();
            } else if (member.identityCluster == null && f.identityCluster() != null) {
                member.identityCluster = f.identityCluster();
            }
            if (!List.of(member.linkedBy.split(",")).contains(signal.family())) {
                member.linkedBy = member.linkedBy + "," + signal.family();
                member.score = Math.max(member.score, f.score());
            }
            em.createNativeQuery(
                            "INSERT INTO flag (account_id, flagged_at, score, campaign_id) VALUES (?1, ?2, ?3, ?4) "
                                    + "ON CONFLICT (account_id) DO NOTHING")
                    .setParameter(1, f.accountId())
                    .setParameter(2, at)
                    .setParameter(3, f.score())
                    .setParameter(4, campaign.id)
                    .executeUpdate();
        }
        contain(campaign);
    }

    /** The accounts an officer has not cleared of this evidence. */
    private List<CampaignSignal.Flagged> notDismissed(CampaignSignal signal) {
        Set<String> cleared = new HashSet<>();
        for (List<String> accounts : accountChunks(signal.flagged())) {
            @SuppressWarnings("unchecked")
            List<String> dismissed = em.createNativeQuery(
                            "SELECT DISTINCT account_id FROM dismissal WHERE account_id IN (?1) AND family IN (?2)")
                    .setParameter(1, accounts)
                    .setParameter(2, signal.families())
                    .getResultList();
            cleared.addAll(dismissed);
        }
        List<CampaignSignal.Flagged> kept = new ArrayList<>(signal.flagged().size());
        for (CampaignSignal.Flagged f : signal.flagged()) {
            if (!cleared.contains(f.accountId())) {
                kept.add(f);
            }
        }
        return kept;
    }

    /** The pending campaign the signal belongs to (merging any others it bridges), a new one, or null. */
    private Campaign target(CampaignSignal signal, List<CampaignSignal.Flagged> flagged) {
        Set<UUID> ids = new HashSet<>();
        @SuppressWarnings("unchecked")
        List<UUID> byFamily = em.createNativeQuery(
                        "SELECT DISTINCT f.campaign_id FROM campaign_family f "
                                + "JOIN campaign c ON c.id = f.campaign_id WHERE f.family IN (?1) AND c.status IN ('OPEN', 'CONTAINED', 'CONFIRMED')")
                .setParameter(1, signal.families())
                .getResultList();
        ids.addAll(byFamily);
        for (List<String> accounts : accountChunks(flagged)) {
            @SuppressWarnings("unchecked")
            List<UUID> byAccount = em.createNativeQuery(
                            "SELECT DISTINCT m.campaign_id FROM campaign_member m "
                                    + "JOIN campaign c ON c.id = m.campaign_id WHERE m.account_id IN (?1) AND c.status IN ('OPEN', 'CONTAINED')")
                    .setParameter(1, accounts)
                    .getResultList();
            ids.addAll(byAccount);
        }
        List<Campaign> found = new ArrayList<>();
        for (UUID id : ids) {
            found.add(Campaign.findById(id));
        }
        found.sort(Comparator.comparing((Campaign c) -> c.detectedAt).thenComparing(c -> c.id));
        if (found.isEmpty()) {
            if (flagged.isEmpty()) {
                return null;
            }
            return create(signal);
        }
        Campaign keep = found.stream()
                .filter(c -> c.status == CampaignStatus.CONFIRMED)
                .findFirst()
                .orElse(found.get(0));
        boolean merged = false;
        for (Campaign other : found) {
            if (other != keep && other.status.pending()) {
                merge(other, keep);
                merged = true;
            }
        }
        if (merged) {
            em.flush();
            em.clear(); // members moved by SQL: no stale entity may be written back
            return Campaign.findById(keep.id);
        }
        return keep;
    }

    private Campaign create(CampaignSignal signal) {
        Campaign c = new Campaign();
        c.id = UUID.randomUUID();
        c.status = CampaignStatus.OPEN;
        c.score = signal.score();
        c.evidence = write(signal.evidence());
        c.firstSeen = time(signal.flagged().stream()
                .mapToLong(CampaignSignal.Flagged::firstSeen)
                .min()
                .orElse(signal.flaggedAt()));
        c.lastSeen = time(signal.flaggedAt());
        c.detectedAt = OffsetDateTime.now(ZoneOffset.UTC);
        c.persist();
        outbox.append(
                Topics.CAMPAIGN,
                CampaignEvents.DETECTED,
                c.id.toString(),
                new CampaignEvents.Detected(
                        c.id.toString(), c.score, signal.flagged().size()));
        metrics.detected();
        LOG.infof("campaign %s detected (score %.2f)", c.id, c.score);
        return c;
    }

    /** Moves another pending campaign's members, families and flags into {@code keep}. */
    private void merge(Campaign other, Campaign keep) {
        em.createNativeQuery(
                        "INSERT INTO campaign_member SELECT ?1, account_id, score, flagged_at, first_seen, last_seen, "
                                + "linked_by, ip_prefix, asn, user_agent, org_id, contained_level, identity_cluster FROM campaign_member "
                                + "WHERE campaign_id = ?2 ON CONFLICT DO NOTHING")
                .setParameter(1, keep.id)
                .setParameter(2, other.id)
                .executeUpdate();
        em.createNativeQuery("DELETE FROM campaign_member WHERE campaign_id = ?1")
                .setParameter(1, other.id)
                .executeUpdate();
        em.createNativeQuery("UPDATE campaign_family SET campaign_id = ?1 WHERE campaign_id = ?2")
                .setParameter(1, keep.id)
                .setParameter(2, other.id)
                .executeUpdate();
        em.createNativeQuery("UPDATE flag SET campaign_id = ?1 WHERE campaign_id = ?2")
                .setParameter(1, keep.id)
                .setParameter(2, other.id)
                .executeUpdate();
        keep.firstSeen = min(keep.firstSeen, other.firstSeen);
        keep.lastSeen = max(keep.lastSeen, other.lastSeen);
        if (other.score > keep.score) {
            keep.score = other.score;
            keep.evidence = other.evidence;
        }
        other.status = CampaignStatus.MERGED;
        other.mergedInto = keep.id;
        LOG.infof("campaign %s merged into %s", other.id, keep.id);
    }

    /** Contains every member not yet contained at the level the campaign's score calls for. */
    private void contain(Campaign c) {
        ContainmentLevel level = policy.levelFor(c.score);
        if (level == null || !(c.status.pending() || c.status == CampaignStatus.CONFIRMED)) {
            return;
        }
        if (c.status == CampaignStatus.OPEN) {
            c.status = CampaignStatus.CONTAINED;
        }
        c.containmentLevel = level;
        // only the members below the level: loading all of a large campaign's members on every signal is quadratic
        List<ContainmentLevel> milder = java.util.Arrays.stream(ContainmentLevel.values())
                .filter(l -> l.compareTo(level) < 0)
                .toList();
        List<CampaignMember> members = milder.isEmpty()
                ? CampaignMember.list("key.campaignId = ?1 AND containedLevel IS NULL", c.id)
                : CampaignMember.list(
                        "key.campaignId = ?1 AND (containedLevel IS NULL OR containedLevel IN ?2)", c.id, milder);
        for (CampaignMember m : members) {
            m.containedLevel = level;
            outbox.append(
                    Topics.CAMPAIGN,
                    CampaignEvents.ACCOUNT_CONTAINED,
                    m.key.accountId,
                    CampaignEvents.AccountContained.of(c.id.toString(), level, c.score, m.flaggedAt));
        }
        metrics.contained(members.size());
    }

    private String write(Object evidence) {
        try {
            return json.writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("evidence could not be written", e);
        }
    }

    /** The flagged accounts' ids, cut to a size a statement's parameters can hold (PostgreSQL takes at most 32,767). */
    static List<List<String>> accountChunks(List<CampaignSignal.Flagged> flagged) {
        List<String> accounts =
                flagged.stream().map(CampaignSignal.Flagged::accountId).toList();
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < accounts.size(); from += 1_000) {
            chunks.add(accounts.subList(from, Math.min(accounts.size(), from + 1_000)));
        }
        return chunks;
    }

    static OffsetDateTime time(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime min(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static OffsetDateTime max(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
