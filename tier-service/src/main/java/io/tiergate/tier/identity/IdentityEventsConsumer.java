package io.tiergate.tier.identity;

import io.smallrye.common.annotation.Blocking;
import io.tiergate.commons.event.CloudEvent;
import io.tiergate.commons.inbox.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Learns who is verified from identity-service's verdict events. */
@ApplicationScoped
public class IdentityEventsConsumer {

    static final String VERIFIED = "tiergate.identity.verification.verified";
    static final String REJECTED = "tiergate.identity.verification.rejected";

    @Inject
    EventConsumer consumer;

    @Incoming("identity-events")
    @Blocking
    public void onIdentityEvent(String payload) {
        consumer.consume("tier-service.identity", payload, this::apply);
    }

    void apply(CloudEvent event) {
        if (!VERIFIED.equals(event.type()) && !REJECTED.equals(event.type())) {
            return; // other identity events are not tier-service's concern yet
        }
        long version = event.tiergateversion() == null ? 0 : event.tiergateversion();
        VerifiedIdentity identity = VerifiedIdentity.findById(event.subject());
        if (identity == null) {
            identity = new VerifiedIdentity();
            identity.subject = event.subject();
        } else if (identity.identityVersion >= version) {
            return; // an older verdict arriving late never overrides a newer one
        }
        identity.status = event.data().path("status").asText();
        identity.caseId = event.data().hasNonNull("caseId") ? UUID.fromString(event.data().get("caseId").asText()) : null;
        identity.identityVersion = version;
        identity.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        identity.persist();
    }
}
