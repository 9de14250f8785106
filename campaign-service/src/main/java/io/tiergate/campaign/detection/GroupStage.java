package io.tiergate.campaign.detection;

import java.util.ArrayList;
import java.util.List;

/**
 * Per family group (partitioned by family key): keeps its members, summarises the group for the linker as it grows,
 * and flags members when the linker's verdict on the group's component crosses the threshold. A group that grows past
 * {@code maxMembers} is commonplace (a popular agent's system prompt, a public benchmark) and stops being judged; if it
 * was already judged a campaign, accounts joining it later are still flagged.
 */
public final class GroupStage {

    /** What a step produced: summaries for the linker, signals for the campaign store. */
    public record Output(List<FamilySummary> summaries, List<CampaignSignal> signals) {
        static final Output NONE = new Output(List.of(), List.of());
    }

    private final DetectionSettings settings;
    private final DetectionStore<String, FamilyGroup> groups;
    private final DetectionStore<String, GroupMember> members;

    public GroupStage(
            DetectionSettings settings,
            DetectionStore<String, FamilyGroup> groups,
            DetectionStore<String, GroupMember> members) {
        this.settings = settings;
        this.groups = groups;
        this.members = members;
    }

    static String memberKey(String family, String accountId) {
        return family + "|" + accountId;
    }

    public Output onDelta(MemberDelta d) {
        FamilyGroup g = groups.get(d.family());
        if (g == null) {
            g = new FamilyGroup();
            g.family = d.family();
        }
        g.maxTs = Math.max(g.maxTs, d.ts());
        String key = memberKey(d.family(), d.accountId());
        GroupMember existing = members.get(key);
        List<CampaignSignal> signals = new ArrayList<>(0);
        boolean judged = g.verdict >= settings.flagThreshold() && g.latest != null;
        boolean works = judged && worksCampaign(g, d);
        if (existing == null) {
            if (g.saturated) {
                if (works) {
                    signals.add(signal(g, List.of(new GroupMember(d, 0)), flagTime(g)));
                }
                groups.put(g.family, g);
                return new Output(List.of(), signals);
            }
            g.members++;
            if (g.members > settings.maxMembers()) {
                g.saturated = true;
            }
        }
        long flaggedAt = existing == null ? 0 : existing.flaggedAt();
        GroupMember member = new GroupMember(d, flaggedAt);
        if (works && flaggedAt == 0) {
            member = new GroupMember(d, flagTime(g));
            signals.add(signal(g, List.of(member), member.flaggedAt()));
        }
        members.put(key, member);
        g.deltasSinceSummary++;
        List<FamilySummary> summaries = List.of();
        if (!g.saturated && g.members >= settings.minMembers() && dueForSummary(g)) {
            FamilySummary summary = GroupEvidence.summarize(g.family, membersOf(g.family), g.maxTs);
            g.summarizedMembers = g.members;
            g.deltasSinceSummary = 0;
            g.cotRate = summary.prompts() == 0 ? 0 : (double) summary.cotPrompts() / summary.prompts();
            boolean candidate = summary.focus() >= settings.minFocus();
            if (candidate || g.candidate) { // a group that stops qualifying is withdrawn from the linker
                summaries = List.of(summary);
            }
            g.candidate = candidate;
        }
        groups.put(g.family, g);
        return new Output(summaries, signals);
    }

    /** The linker judged the group's component: remember it, and flag every member not yet flagged if it crossed. */
    public Output onVerdict(CampaignVerdict v) {
        FamilyGroup g = groups.get(v.family());
        if (g == null) {
            return Output.NONE;
        }
        g.verdict = v.score();
        g.verdictTs = v.maxTs();
        g.latest = v;
        List<CampaignSignal> signals = new ArrayList<>(0);
        if (v.score() >= settings.flagThreshold()) {
            long at = flagTime(g);
            List<GroupMember> flagged = new ArrayList<>();
            FamilyGroup judged = g;
            members.forEachWithPrefix(g.family + "|", (key, m) -> {
                if (m.flaggedAt() == 0 && worksCampaign(judged, m.delta())) {
                    flagged.add(new GroupMember(m.delta(), at));
                }
            });
            // written after the scan: a store is not changed under its own iterator
            for (GroupMember m : flagged) {
                members.put(memberKey(g.family, m.delta().accountId()), m);
            }
            if (!flagged.isEmpty()) {
                signals.add(signal(g, flagged, at));
            }
        }
        groups.put(g.family, g);
        return new Output(List.of(), signals);
    }

    /**
     * Whether a member works the campaign, not just this family. It must work a second template of the campaign
     * (another family of this family's band) or spend on this family a share of its traffic like the campaign's
     * members do, unless the campaign is this one template; and where the campaign elicits
     * chains of thought, the member must elicit them too (its account's rate, shrunk towards a prior of 10% so that
     * a few prompts prove little), and so must this family's own prompts. A popular agent's system prompt that
     * campaign prompts embed links to the campaign, but its users rarely elicit reasoning, nor does the prompt's own
     * family: its members are not flagged through it while it is still too small to count as a hub. The campaign's
     * rate is the higher of its prompts' and its median family's, so that the large family does not dilute it.
     */
    static boolean worksCampaign(FamilyGroup g, MemberDelta d) {
        CampaignEvidence e = g.latest.evidence();
        double campaignCot = Math.max(e.cotRate(), e.familyCotRate());
        double cot = (d.cots() + 1.0) / (d.requests() + 10.0);
        if (campaignCot >= 0.2 && (cot < 0.4 * campaignCot || (g.cotRate >= 0 && g.cotRate < 0.4 * campaignCot))) {
            return false;
        }
        int band = PromptFamilies.band(g.family);
        int templates = 0;
        for (String f : g.latest.families()) {
            if (PromptFamilies.band(f) == band) {
                templates++;
            }
        }
        if (templates <= 1 || d.focus() >= 0.5 * g.latest.evidence().focus()) {
            return true;
        }
        for (String other : d.topFamilies()) {
            if (!other.equals(g.family)
                    && PromptFamilies.band(other) == band
                    && g.latest.families().contains(other)) {
                return true;
            }
        }
        return false;
    }

    /** Nothing may look into a record's future: a flag is raised at the latest event time its evidence used. */
    private static long flagTime(FamilyGroup g) {
        return Math.max(g.maxTs, g.verdictTs);
    }

    private boolean dueForSummary(FamilyGroup g) {
        return g.summarizedMembers == 0
                || g.members >= g.summarizedMembers * 1.2
                || g.deltasSinceSummary >= Math.max(32, g.members / 4);
    }

    private List<GroupMember> membersOf(String family) {
        List<GroupMember> all = new ArrayList<>();
        members.forEachWithPrefix(family + "|", (k, m) -> all.add(m));
        return all;
    }

    private static CampaignSignal signal(FamilyGroup g, List<GroupMember> flagged, long at) {
        CampaignVerdict v = g.latest;
        List<CampaignSignal.Flagged> accounts = new ArrayList<>(flagged.size());
        for (GroupMember m : flagged) {
            MemberDelta d = m.delta();
            accounts.add(new CampaignSignal.Flagged(
                    d.accountId(),
                    v.score(),
                    d.firstSeen(),
                    d.ts(),
                    d.ipPrefix(),
                    d.asn(),
                    d.userAgent(),
                    d.orgId(),
                    d.identityCluster()));
        }
        return new CampaignSignal(v.campaignKey(), g.family, v.families(), v.score(), v.evidence(), at, accounts);
    }
}
