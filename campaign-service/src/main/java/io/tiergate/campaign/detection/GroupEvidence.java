package io.tiergate.campaign.detection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The evidence arithmetic, pure: a family group's members summarised, and a component of family groups scored.
 * A campaign needs both extraction intent (chain-of-thought elicitation, or a capability sweep: a group covering
 * many families while each member works few) and coordination (the sweep itself, shared devices, payment
 * fingerprints, identities or networks, registration bursts). Coordination alone (batch jobs, NATs, hackathons, households)
 * or intent alone (public benchmarks, a popular agent's prompt) scores low: the score is their geometric mean.
 */
public final class GroupEvidence {

    static final long BURST_WINDOW_MS = 6 * 3600_000L;
    static final int BURST_NEIGHBOURS = 4;
    private static final int MAX_LINKED = 64;
    private static final int INDICATORS = 5;

    private GroupEvidence() {}

    public static FamilySummary summarize(String family, Collection<GroupMember> members, long maxTs) {
        int n = members.size();
        double[] focus = new double[n];
        long prompts = 0, cots = 0;
        Map<String, Integer> linked = new HashMap<>();
        long[] registered = new long[n];
        int i = 0;
        for (GroupMember m : members) {
            MemberDelta d = m.delta();
            focus[i] = d.focus();
            registered[i] = d.registeredAt();
            i++;
            prompts += d.inFamily();
            cots += d.cotInFamily();
            for (String other : d.topFamilies()) {
                if (!other.equals(family)) {
                    linked.merge(other, 1, Integer::sum);
                }
            }
        }
        List<FamilySummary.Linked> links = linked.entrySet().stream()
                .filter(e -> e.getValue() >= 2)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(MAX_LINKED)
                .map(e -> new FamilySummary.Linked(e.getKey(), e.getValue()))
                .toList();
        Set<String> linkedSet = new HashSet<>();
        links.forEach(l -> linkedSet.add(l.family()));
        // templates a member works: linked families of this family's band (each template has one key per band)
        int band = PromptFamilies.band(family);
        double[] breadth = new double[n];
        i = 0;
        for (GroupMember m : members) {
            int b = 1;
            for (String other : m.delta().topFamilies()) {
                if (linkedSet.contains(other) && PromptFamilies.band(other) == band) {
                    b++;
                }
            }
            breadth[i++] = b;
        }
        return new FamilySummary(
                family,
                n,
                maxTs,
                median(focus),
                prompts,
                cots,
                links,
                median(breadth),
                sharedShare(members, MemberDelta::deviceId),
                sharedShare(members, MemberDelta::paymentFingerprint),
                sharedShare(members, MemberDelta::identityCluster),
                sharedShare(members, MemberDelta::ipPrefix),
                burstShare(registered),
                largestShare(members),
                topShared(members, MemberDelta::ipPrefix),
                topShared(members, MemberDelta::asn),
                topShared(members, MemberDelta::userAgent));
    }

    /** Scores a connected set of candidate family groups as one campaign. */
    public static CampaignEvidence score(List<FamilySummary> groups) {
        long members = 0, prompts = 0, cots = 0;
        double focus = 0, device = 0, payment = 0, identity = 0, prefix = 0, burst = 0, org = 0;
        double[] breadths = new double[groups.size()];
        double[] familyCots = new double[groups.size()];
        Map<String, Integer> prefixes = new HashMap<>(), asns = new HashMap<>(), agents = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            FamilySummary g = groups.get(i);
            members += g.members();
            prompts += g.prompts();
            cots += g.cotPrompts();
            focus += g.members() * g.focus();
            device += g.members() * g.deviceShare();
            payment += g.members() * g.paymentShare();
            identity += g.members() * g.identityShare();
            prefix += g.members() * g.prefixShare();
            burst += g.members() * g.burstShare();
            org += g.members() * g.organizationShare();
            breadths[i] = g.breadth();
            familyCots[i] = g.prompts() == 0 ? 0 : (double) g.cotPrompts() / g.prompts();
            g.prefixes().forEach(p -> prefixes.merge(p, 1, Integer::sum));
            g.asns().forEach(p -> asns.merge(p, 1, Integer::sum));
            g.userAgents().forEach(p -> agents.merge(p, 1, Integer::sum));
        }
        double weight = Math.max(1, members);
        focus /= weight;
        device /= weight;
        payment /= weight;
        identity /= weight;
        prefix /= weight;
        burst /= weight;
        org /= weight;
        double breadth = Math.max(1, median(breadths));
        int families = groups.size();
        // templates covered: the most families of any one band (a template has one key per band)
        int[] perBand = new int[PromptFamilies.BANDS];
        for (FamilySummary g : groups) {
            perBand[PromptFamilies.band(g.family())]++;
        }
        int templates = Math.max(1, Arrays.stream(perBand).max().orElse(1));
        double coverage = templates / breadth;
        // each member is counted once per family it works: templates it works times keys per template
        int accounts = (int) Math.round(members / (breadth * families / templates));
        double cotRate = prompts == 0 ? 0 : (double) cots / prompts;

        double eCot = clamp((cotRate - 0.3) / 0.35);
        // a sweep without reasoning traces (a company's pipelines) is weaker evidence of distillation
        double reasoning = clamp((cotRate - 0.05) / 0.2);
        double eSweep = clamp((coverage - 2) / 4) * clamp((focus - 0.04) / 0.12) * reasoning;
        // a shared network alone is weak: campus, corporate and carrier NATs put many people behind one. A shared
        // identity (identity-service linked the accounts by a document, email, phone, device or payment instrument)
        // is as strong as a shared device
        double eInfra = 1 - (1 - device) * (1 - payment) * (1 - identity) * (1 - 0.25 * prefix);
        double eRegistration = clamp((burst - 0.2) / 0.5);
        double intent = 1 - (1 - eCot) * (1 - eSweep);
        double structure = clamp((coverage - 2) / 4) * clamp((focus - 0.04) / 0.12);
        double coordination = 1 - (1 - structure) * (1 - eInfra) * (1 - 0.6 * eRegistration);
        double size = clamp((accounts - 4) / 8.0);
        double score = size * Math.sqrt(intent * coordination) * (1 - 0.3 * org);
        return new CampaignEvidence(
                round(score),
                accounts,
                families,
                round(coverage),
                round(focus),
                round(cotRate),
                round(median(familyCots)),
                round(eSweep),
                round(device),
                round(payment),
                round(identity),
                round(prefix),
                round(eInfra),
                round(burst),
                round(org),
                round(intent),
                round(coordination),
                top(prefixes),
                top(asns),
                top(agents));
    }

    /** The share of members whose value of the attribute another member shares (members without one count as not). */
    static double sharedShare(Collection<GroupMember> members, Function<MemberDelta, String> attribute) {
        Map<String, Integer> counts = new HashMap<>();
        for (GroupMember m : members) {
            String v = attribute.apply(m.delta());
            if (v != null) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        int shared = 0;
        for (int c : counts.values()) {
            if (c >= 2) {
                shared += c;
            }
        }
        return members.isEmpty() ? 0 : (double) shared / members.size();
    }

    /** The share of registrations with at least {@link #BURST_NEIGHBOURS} others within {@link #BURST_WINDOW_MS}. */
    static double burstShare(long[] registered) {
        if (registered.length == 0) {
            return 0;
        }
        long[] sorted = registered.clone();
        Arrays.sort(sorted);
        int inBurst = 0, lo = 0, hi = 0;
        for (int i = 0; i < sorted.length; i++) {
            while (sorted[i] - sorted[lo] > BURST_WINDOW_MS) {
                lo++;
            }
            while (hi + 1 < sorted.length && sorted[hi + 1] - sorted[i] <= BURST_WINDOW_MS) {
                hi++;
            }
            if (hi - lo >= BURST_NEIGHBOURS) {
                inBurst++;
            }
        }
        return (double) inBurst / sorted.length;
    }

    private static double largestShare(Collection<GroupMember> members) {
        Map<String, Integer> orgs = new HashMap<>();
        int best = 0;
        for (GroupMember m : members) {
            if (m.delta().orgId() != null) {
                best = Math.max(best, orgs.merge(m.delta().orgId(), 1, Integer::sum));
            }
        }
        return members.isEmpty() ? 0 : (double) best / members.size();
    }

    private static List<String> topShared(Collection<GroupMember> members, Function<MemberDelta, String> attribute) {
        Map<String, Integer> counts = new HashMap<>();
        for (GroupMember m : members) {
            String v = attribute.apply(m.delta());
            if (v != null) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        counts.values().removeIf(c -> c < 2);
        return top(counts);
    }

    private static List<String> top(Map<String, Integer> counts) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(
                Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return entries.stream().limit(INDICATORS).map(Map.Entry::getKey).toList();
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    static double clamp(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
