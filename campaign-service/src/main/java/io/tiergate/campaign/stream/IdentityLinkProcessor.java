package io.tiergate.campaign.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.jboss.logging.Logger;

/**
 * Joins identity-service's duplicate-identity links into detection: each {@code tiergate.identity.cluster.linked}
 * names an applicant, the subjects it shares a fingerprint with, and their cluster. Every one of them is sent,
 * keyed by account, to the identity-links topic, which the account stage reads beside the request records. Other
 * identity events, and events it cannot read, are passed over: this topic is identity-service's, not ours to police.
 */
final class IdentityLinkProcessor implements Processor<String, String, String, String> {

    static final String CLUSTER_LINKED = "tiergate.identity.cluster.linked";
    private static final Logger LOG = Logger.getLogger(IdentityLinkProcessor.class);

    private final ObjectMapper json;
    private ProcessorContext<String, String> context;

    IdentityLinkProcessor(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, String> in) {
        if (in.value() == null || !in.value().contains(CLUSTER_LINKED)) {
            return; // most identity events are not links: skip them without parsing
        }
        JsonNode event;
        try {
            event = json.readTree(in.value());
        } catch (Exception e) {
            LOG.warnf(
                    "passed over an unreadable identity event (%s)",
                    e.getClass().getSimpleName());
            return;
        }
        if (!CLUSTER_LINKED.equals(event.path("type").asText())) {
            return;
        }
        String cluster = event.path("data").path("clusterId").asText("");
        String subject = event.path("subject").asText("");
        if (cluster.isEmpty() || subject.isEmpty()) {
            return;
        }
        forward(subject, cluster, in.timestamp());
        for (JsonNode linked : event.path("data").path("linkedSubjects")) {
            if (linked.isTextual() && !linked.asText().isEmpty()) {
                forward(linked.asText(), cluster, in.timestamp());
            }
        }
    }

    private void forward(String account, String cluster, long timestamp) {
        context.forward(new Record<>(account, cluster, timestamp));
    }
}
