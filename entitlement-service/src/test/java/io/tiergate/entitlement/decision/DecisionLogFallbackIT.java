package io.tiergate.entitlement.decision;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tiergate.commons.testing.KafkaEvents;
import io.tiergate.entitlement.events.Topics;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Decision records go straight to Kafka; when the broker does not take them, they go to the outbox with their ids
 * and reach Kafka from there. Here the direct path points at a port nobody listens on, while the outbox relay
 * reaches the real broker.
 */
@QuarkusTest
@TestProfile(DecisionLogFallbackIT.DirectPathRefused.class)
class DecisionLogFallbackIT {

    @Inject
    Topics topics;

    public static class DirectPathRefused implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tiergate.records.bootstrap-servers", "127.0.0.1:1");
        }
    }

    @Inject
    DataSource database;

    @Test
    void recordsTheBrokerDidNotTakeFlowThroughTheOutbox() throws Exception {
        String subject = UUID.randomUUID().toString();
        String decisionId = DecisionResourceIT.decide(subject, DecisionResourceIT.MYTHOS_CHAT, "US", null)
                .extract()
                .path("decisionId");

        var event = KafkaEvents.await(topics.decisions(), r -> r.value().contains(decisionId), Duration.ofSeconds(40));
        assertTrue(event.isPresent(), "the decision reaches Kafka through the outbox");
        assertEquals(subject, event.get().key());
        await().atMost(Duration.ofSeconds(10)).until(() -> "published".equals(outboxState(decisionId)));
    }

    private String outboxState(String decisionId) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT published_at FROM outbox_event WHERE type = ? AND payload LIKE ?")) {
            query.setString(1, DecisionEvents.DENIED);
            query.setString(2, "%" + decisionId + "%");
            try (ResultSet row = query.executeQuery()) {
                return !row.next() ? "absent" : row.getObject(1) == null ? "pending" : "published";
            }
        }
    }
}
