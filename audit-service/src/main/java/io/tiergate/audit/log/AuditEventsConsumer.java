package io.tiergate.audit.log;

import io.smallrye.common.annotation.Blocking;
import io.tiergate.commons.inbox.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Every topic of the platform flows into the trail. */
@ApplicationScoped
public class AuditEventsConsumer {

    @Inject
    EventConsumer consumer;

    @Inject
    AuditLog log;

    @Incoming("audited-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        consumer.consume("audit-service", record.value(), event -> log.append(record.topic(), record.value(), event));
    }
}
