package io.tiergate.campaign.detection;

import io.tiergate.campaign.record.RequestRecord;
import io.tiergate.campaign.record.RequestRecordParser;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The topology's three stages wired in one thread with in-memory stores, records in arrival order: what the Kafka
 * Streams topology computes, without a broker, so detection quality can be measured at scale in a unit test.
 */
final class LocalPipeline {

    final DetectionSettings settings;
    final AccountStage accounts;
    final Map<String, AccountProfile> profiles = new HashMap<>();
    final MapStore<FamilyGroup> groupStore = new MapStore<>();
    final MapStore<GroupMember> memberStore = new MapStore<>();
    final GroupStage groups;
    final CampaignLinker linker;
    /** The first flag of each account: event time and score, as GET /v1/flags reports it. */
    final Map<String, CampaignSignal.Flagged> firstFlags = new HashMap<>();

    final Map<String, Long> flaggedAt = new HashMap<>();
    final Map<String, String> campaignOf = new HashMap<>();
    /** The latest evidence of each campaign key, for reporting what a false positive was flagged on. */
    final Map<String, CampaignEvidence> evidence = new HashMap<>();
    /** Records read before a summary reaches the linker and its verdicts the groups: the topics' lag, 0 for none. */
    final int lag = Integer.getInteger("tiergate.quality.lag", 0);

    private final Deque<Object[]> delayed = new ArrayDeque<>();
    long records;
    long rejected;
    long deltas;
    long summaries;

    LocalPipeline(DetectionSettings settings) {
        this.settings = settings;
        this.accounts = new AccountStage(settings);
        this.groups = new GroupStage(settings, groupStore, memberStore);
        this.linker = new CampaignLinker(settings, new MapStore<>());
    }

    void accept(String line) {
        RequestRecordParser.Result parsed = RequestRecordParser.parse(line);
        if (!parsed.valid()) {
            rejected++;
            return;
        }
        accept(parsed.record());
    }

    void accept(RequestRecord record) {
        records++;
        while (!delayed.isEmpty() && (long) delayed.peek()[0] <= records) {
            Object item = delayed.poll()[1];
            if (item instanceof FamilySummary s) {
                for (CampaignVerdict v : linker.onSummary(s)) {
                    delayed.add(new Object[] {records + lag, v});
                }
            } else {
                drain(groups.onVerdict((CampaignVerdict) item));
            }
        }
        AccountProfile profile = profiles.computeIfAbsent(record.accountId(), k -> accounts.newProfile());
        for (MemberDelta d : accounts.observe(profile, record)) {
            deltas++;
            drain(groups.onDelta(d));
        }
    }

    private void drain(GroupStage.Output first) {
        Deque<GroupStage.Output> todo = new ArrayDeque<>();
        todo.add(first);
        while (!todo.isEmpty()) {
            GroupStage.Output out = todo.poll();
            out.signals().forEach(this::record);
            for (FamilySummary s : out.summaries()) {
                summaries++;
                if (lag > 0) {
                    delayed.add(new Object[] {records + lag, s});
                    continue;
                }
                for (CampaignVerdict v : linker.onSummary(s)) {
                    todo.add(groups.onVerdict(v));
                }
            }
        }
    }

    private void record(CampaignSignal signal) {
        evidence.put(signal.campaignKey(), signal.evidence());
        for (CampaignSignal.Flagged f : signal.flagged()) {
            if (firstFlags.putIfAbsent(f.accountId(), f) == null) {
                flaggedAt.put(f.accountId(), signal.flaggedAt());
                campaignOf.put(f.accountId(), signal.campaignKey());
            }
        }
    }

    List<String> flagged() {
        return List.copyOf(firstFlags.keySet());
    }
}
