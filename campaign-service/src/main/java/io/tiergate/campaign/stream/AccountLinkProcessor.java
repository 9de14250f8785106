package io.tiergate.campaign.stream;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Stage one's second input: keeps each account's latest identity cluster (a merge names the surviving cluster) in
 * the store the request records' processor reads when an account reports to its family groups.
 */
final class AccountLinkProcessor implements Processor<String, String, Void, Void> {

    private KeyValueStore<String, String> clusters;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.clusters = context.getStateStore(RequestRecordProcessor.CLUSTERS);
    }

    @Override
    public void process(Record<String, String> in) {
        if (in.key() != null && in.value() != null) {
            clusters.put(in.key(), in.value());
        }
    }
}
