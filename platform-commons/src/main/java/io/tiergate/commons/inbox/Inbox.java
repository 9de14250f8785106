package io.tiergate.commons.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Remembers which events a consumer has applied, in the same transaction as the change they caused. */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager entityManager;

    /** True the first time this consumer sees the event id; false for a redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(UUID eventId, String consumer) {
        int inserted = entityManager
                .createNativeQuery("""
                        INSERT INTO processed_event (event_id, consumer, processed_at) VALUES (?1, ?2, now())
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, eventId)
                .setParameter(2, consumer)
                .executeUpdate();
        return inserted == 1;
    }
}
