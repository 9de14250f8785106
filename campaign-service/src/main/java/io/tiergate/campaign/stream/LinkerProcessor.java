package io.tiergate.campaign.stream;

import io.tiergate.campaign.detection.CampaignLinker;
import io.tiergate.campaign.detection.CampaignVerdict;
import io.tiergate.campaign.detection.DetectionSettings;
import io.tiergate.campaign.detection.FamilySummary;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Stage three, on one partition: joins family groups into campaigns and sends each family its verdict. */
final class LinkerProcessor implements Processor<String, FamilySummary, String, Object> {

    static final String STORE = "family-summaries";

    private final DetectionSettings settings;
    private ProcessorContext<String, Object> context;
    private CampaignLinker linker;

    LinkerProcessor(DetectionSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.linker =
                new CampaignLinker(settings, new KafkaDetectionStore<FamilySummary>(context.getStateStore(STORE)));
    }

    @Override
    public void process(Record<String, FamilySummary> in) {
        for (CampaignVerdict v : linker.onSummary(in.value())) {
            context.forward(new Record<String, Object>(v.family(), v, v.maxTs()), DetectionTopology.VERDICTS_SINK);
        }
    }
}
