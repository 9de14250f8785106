package io.tiergate.campaign.stream;

import io.tiergate.campaign.detection.CampaignSignal;
import io.tiergate.campaign.detection.CampaignVerdict;
import io.tiergate.campaign.detection.DetectionSettings;
import io.tiergate.campaign.detection.FamilyGroup;
import io.tiergate.campaign.detection.FamilySummary;
import io.tiergate.campaign.detection.GroupMember;
import io.tiergate.campaign.detection.GroupStage;
import io.tiergate.campaign.detection.MemberDelta;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Stage two, partitioned by family: family groups absorb account reports and the linker's verdicts. */
final class FamilyGroupProcessor implements Processor<String, Object, String, Object> {

    static final String GROUPS = "family-groups";
    static final String MEMBERS = "family-members";

    private final DetectionSettings settings;
    private ProcessorContext<String, Object> context;
    private GroupStage stage;

    FamilyGroupProcessor(DetectionSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.stage = new GroupStage(
                settings,
                new KafkaDetectionStore<FamilyGroup>(context.getStateStore(GROUPS)),
                new KafkaDetectionStore<GroupMember>(context.getStateStore(MEMBERS)));
    }

    @Override
    public void process(Record<String, Object> in) {
        GroupStage.Output out;
        if (in.value() instanceof MemberDelta d) {
            out = stage.onDelta(d);
        } else if (in.value() instanceof CampaignVerdict v) {
            out = stage.onVerdict(v);
        } else {
            return;
        }
        for (FamilySummary s : out.summaries()) {
            context.forward(new Record<String, Object>(s.family(), s, s.maxTs()), DetectionTopology.SUMMARIES_SINK);
        }
        for (CampaignSignal signal : out.signals()) {
            context.forward(
                    new Record<String, Object>(signal.campaignKey(), signal, signal.flaggedAt()),
                    DetectionTopology.SIGNALS_SINK);
        }
    }
}
