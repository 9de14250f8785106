package io.tiergate.campaign.detection;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Joins candidate family groups into campaigns: two families are linked when enough members work both (at least two,
 * and at least {@link #LINK_SHARE} of the larger group, so that a popular family used by thousands is no hub), and
 * each connected component is scored as one campaign. Runs on one partition: its input is one summary per group
 * change, a small stream whatever the request volume. A verdict goes back to a family whenever its component's
 * score moved or crossed the threshold.
 */
public final class CampaignLinker {

    static final double LINK_SHARE = 0.05;
    private static final double MOVED = 0.05;

    private final DetectionSettings settings;
    private final DetectionStore<String, FamilySummary> store;
    private final Map<String, FamilySummary> candidates = new HashMap<>();
    private final Map<String, Double> lastVerdict = new HashMap<>();
    /** For each family, the candidates whose members also work it, with how many members: links seen from the other end. */
    private final Map<String, Map<String, Integer>> linkedFrom = new HashMap<>();

    public CampaignLinker(DetectionSettings settings, DetectionStore<String, FamilySummary> store) {
        this.settings = settings;
        this.store = store;
        store.forEach(
                (family, summary) -> remember(summary)); // rebuilt from the changelog-backed store after a restart
    }

    public List<CampaignVerdict> onSummary(FamilySummary s) {
        if (s.focus() < settings.minFocus() || s.members() < settings.minMembers()) {
            forget(s.family());
            store.delete(s.family());
            return List.of();
        }
        remember(s);
        store.put(s.family(), s);
        List<FamilySummary> reached = component(s.family(), Set.of());
        Set<String> hubs = hubs(reached);
        // hubs join no two campaigns: the component is what is reached without passing through one
        List<FamilySummary> component = hubs.contains(s.family())
                ? List.of()
                : component(s.family(), hubs).stream()
                        .filter(g -> !hubs.contains(g.family()))
                        .toList();
        CampaignEvidence evidence = component.isEmpty() ? null : GroupEvidence.score(component);
        String key = null;
        long maxTs = 0;
        List<String> families = new ArrayList<>(component.size());
        for (FamilySummary g : component) {
            families.add(g.family());
            maxTs = Math.max(maxTs, g.maxTs());
            if (key == null || g.family().compareTo(key) < 0) {
                key = g.family();
            }
        }
        List<CampaignVerdict> verdicts = new ArrayList<>();
        double threshold = settings.flagThreshold();
        for (FamilySummary g : reached) {
            if (!hubs.contains(g.family())) {
                continue;
            }
            Double last = lastVerdict.put(g.family(), 0.0);
            if (last != null && last >= threshold) { // it became a hub: it no longer flags its members
                verdicts.add(new CampaignVerdict(g.family(), key, 0, maxTs, families, evidence));
            }
        }
        if (evidence == null) {
            return verdicts;
        }
        for (FamilySummary g : component) {
            Double last = lastVerdict.get(g.family());
            boolean crossed = last == null
                    ? evidence.score() >= threshold
                    : (last >= threshold) != (evidence.score() >= threshold);
            if (crossed
                    || (last != null && Math.abs(last - evidence.score()) > MOVED)
                    || (evidence.score() >= threshold && g.family().equals(s.family()))) {
                lastVerdict.put(g.family(), evidence.score());
                verdicts.add(new CampaignVerdict(g.family(), key, evidence.score(), maxTs, families, evidence));
            }
        }
        return verdicts;
    }

    private void remember(FamilySummary s) {
        forget(s.family());
        candidates.put(s.family(), s);
        for (FamilySummary.Linked l : s.linked()) {
            linkedFrom.computeIfAbsent(l.family(), k -> new HashMap<>()).put(s.family(), l.members());
        }
    }

    private void forget(String family) {
        FamilySummary old = candidates.remove(family);
        if (old != null) {
            for (FamilySummary.Linked l : old.linked()) {
                Map<String, Integer> from = linkedFrom.get(l.family());
                if (from != null) {
                    from.remove(family);
                    if (from.isEmpty()) {
                        linkedFrom.remove(l.family());
                    }
                }
            }
        }
    }

    /**
     * The component's hubs: families with many times the members of the component's typical family (a
     * popular agent's system prompt that campaign prompts embed) say nothing about the campaign and would lend its
     * verdict to their thousands of users.
     */
    static Set<String> hubs(List<FamilySummary> component) {
        double[] sizes = component.stream().mapToDouble(FamilySummary::members).toArray();
        double typical = GroupEvidence.median(sizes);
        Set<String> hubs = new HashSet<>();
        for (FamilySummary g : component) {
            if (g.members() > Math.max(HUB_FLOOR, HUB_RATIO * typical)) {
                hubs.add(g.family());
            }
        }
        return hubs;
    }

    static final double HUB_RATIO = 4;
    private static final int HUB_FLOOR = 50;

    /** The candidate families reachable from {@code start} through links, in either direction. */
    List<FamilySummary> component(String start, Set<String> leaves) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        List<FamilySummary> out = new ArrayList<>();
        todo.add(start);
        seen.add(start);
        while (!todo.isEmpty()) {
            FamilySummary g = candidates.get(todo.poll());
            out.add(g);
            if (leaves.contains(g.family())) {
                continue;
            }
            for (FamilySummary.Linked l : g.linked()) {
                visit(g, l.family(), l.members(), seen, todo);
            }
            for (Map.Entry<String, Integer> from :
                    linkedFrom.getOrDefault(g.family(), Map.of()).entrySet()) {
                visit(g, from.getKey(), from.getValue(), seen, todo);
            }
        }
        return out;
    }

    private void visit(FamilySummary from, String to, int shared, Set<String> seen, Deque<String> todo) {
        FamilySummary target = candidates.get(to);
        if (target != null && linked(from, target, shared) && seen.add(to)) {
            todo.add(to);
        }
    }

    private static boolean linked(FamilySummary a, FamilySummary b, int shared) {
        return shared >= 2 && shared >= LINK_SHARE * Math.max(a.members(), b.members());
    }
}
