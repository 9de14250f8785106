package io.tiergate.campaign.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiergate.campaign.detection.AccountProfile;
import io.tiergate.campaign.detection.AccountStage;
import io.tiergate.campaign.detection.MemberDelta;
import io.tiergate.campaign.record.RejectedRecord;
import io.tiergate.campaign.record.RequestRecord;
import io.tiergate.campaign.record.RequestRecordParser;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Stage one, partitioned by account: parses each record (a refusal goes to the dead-letter topic with its reason),
 * re-keys a record that arrived under another key, and counts it into its account's profile, forwarding the
 * family reports the account stage makes, stamped with the record's event time and carrying the account's identity
 * cluster if identity-service linked it to others.
 */
final class RequestRecordProcessor implements Processor<String, byte[], String, Object> {

    static final String STORE = "account-profiles";
    /** Each account's identity cluster, from identity-service's duplicate-identity links (IdentityLinkProcessor). */
    static final String CLUSTERS = "account-identity-clusters";

    private final AccountStage stage;
    private final int familySlots;
    private final DetectionProgress progress;
    private final ObjectMapper json;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, byte[]> profiles;
    private KeyValueStore<String, String> clusters;

    RequestRecordProcessor(AccountStage stage, int familySlots, DetectionProgress progress, ObjectMapper json) {
        this.stage = stage;
        this.familySlots = familySlots;
        this.progress = progress;
        this.json = json;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.profiles = context.getStateStore(STORE);
        this.clusters = context.getStateStore(CLUSTERS);
    }

    @Override
    public void process(Record<String, byte[]> in) {
        RequestRecordParser.Result parsed = RequestRecordParser.parse(in.value());
        if (!parsed.valid()) {
            progress.rejected();
            String raw = in.value() == null ? null : new String(in.value(), java.nio.charset.StandardCharsets.UTF_8);
            context.forward(
                    new Record<String, Object>(
                            in.key(), RejectedRecord.json(json, parsed.rejection(), raw), in.timestamp()),
                    DetectionTopology.REJECTED_SINK);
            return;
        }
        RequestRecord r = parsed.record();
        if (!r.accountId().equals(in.key())) {
            context.forward(
                    new Record<String, Object>(r.accountId(), in.value(), r.ts()), DetectionTopology.REKEY_SINK);
            return;
        }
        progress.seen(r.ts());
        byte[] stored = profiles.get(r.accountId());
        AccountProfile profile = stored == null ? stage.newProfile() : AccountProfile.fromBytes(stored, familySlots);
        List<MemberDelta> deltas = stage.observe(profile, r);
        if (!deltas.isEmpty()) {
            String cluster = clusters.get(r.accountId()); // read only when reporting: a few times per account
            for (MemberDelta d : deltas) {
                MemberDelta report = cluster == null ? d : d.withIdentityCluster(cluster);
                context.forward(new Record<String, Object>(d.family(), report, r.ts()), DetectionTopology.DELTAS_SINK);
            }
        }
        profiles.put(r.accountId(), profile.toBytes());
    }
}
