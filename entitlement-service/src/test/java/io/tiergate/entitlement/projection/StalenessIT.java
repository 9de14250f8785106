package io.tiergate.entitlement.projection;

import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.tiergate.commons.testing.KafkaEvents;
import io.tiergate.entitlement.decision.DecisionResourceIT;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Without a token, decisions fail closed once the projection lags beyond the bound, and recover when it catches up. */
@QuarkusTest
@TestProfile(StalenessIT.ShortBound.class)
class StalenessIT {

    public static class ShortBound implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tiergate.decisions.staleness-bound", "PT2S");
        }
    }

    @Inject
    KafkaClientService kafka;

    static String verdict(String subject) {
        return DecisionResourceIT.decide(subject, "fable-5:chat", "US", null)
                .extract()
                .path("reasons[0].code");
    }

    @Test
    void decisionsFailClosedWhileTheProjectionLagsAndRecover() {
        DecisionResourceIT.Customer customer = DecisionResourceIT.customer("US", "PUBLIC");
        DecisionResourceIT.decide(customer.subject(), "fable-5:chat", "US", customer.token()); // caught up
        await().atMost(Duration.ofSeconds(20)).until(() -> "ENTITLED".equals(verdict(customer.subject())));

        kafka.getConsumers("tier-events").forEach(c -> c.pause().await().atMost(Duration.ofSeconds(5)));
        try {
            KafkaEvents.publish(
                    "tiergate.tier",
                    "tier-service",
                    "tiergate.tier.effective.changed",
                    UUID.randomUUID().toString(),
                    1,
                    "{\"tiers\":[]}"); // an event the paused consumer cannot fetch
            await().atMost(Duration.ofSeconds(20)).until(() -> "PROJECTION_STALE".equals(verdict(customer.subject())));
        } finally {
            kafka.getConsumers("tier-events").forEach(c -> c.resume().await().atMost(Duration.ofSeconds(5)));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> "ENTITLED".equals(verdict(customer.subject())));
    }
}
