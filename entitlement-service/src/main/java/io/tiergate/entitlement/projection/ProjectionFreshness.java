package io.tiergate.entitlement.projection;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How stale the projection may be, for decisions that carry no consistency token. It is stale when, for longer
 * than {@code tiergate.decisions.staleness-bound}: the consumers have events on the topics they have not fetched
 * (lag), or one event has been in processing (the database away, retried), or the lag cannot be measured (the
 * broker away: revocations could be waiting in producers' outboxes). Measured every second off the hot path; a
 * decision reads one volatile field.
 */
@ApplicationScoped
public class ProjectionFreshness {

    private static final Logger LOG = Logger.getLogger(ProjectionFreshness.class);
    static final List<String> CHANNELS = List.of("identity-events", "tier-events");

    @Inject
    KafkaClientService kafka;

    @ConfigProperty(name = "tiergate.decisions.staleness-bound", defaultValue = "PT5S")
    Duration bound;

    /** When the projection was last seen fully caught up (lag 0, nothing stuck in processing). */
    private volatile long freshAtNanos = System.nanoTime();
    private final Map<Long, Long> processingSince = new ConcurrentHashMap<>();

    /** How long the projection has not been known to be caught up, if beyond the bound; else null. */
    public Duration staleness() {
        long behind = System.nanoTime() - freshAtNanos;
        return behind > bound.toNanos() ? Duration.ofNanos(behind) : null;
    }

    public Duration bound() {
        return bound;
    }

    /** Marks the start and end of applying one event, so that a stuck event shows. */
    public void processing(boolean started) {
        long thread = Thread.currentThread().getId();
        if (started) {
            processingSince.put(thread, System.nanoTime());
        } else {
            processingSince.remove(thread);
        }
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        long now = System.nanoTime();
        long stuckFor = processingSince.values().stream().mapToLong(start -> now - start).max().orElse(0);
        if (stuckFor > Duration.ofSeconds(1).toNanos()) {
            return; // an event is stuck: not fresh
        }
        try {
            long lag = 0;
            for (String channel : CHANNELS) {
                for (KafkaConsumer<Object, Object> consumer : kafka.<Object, Object>getConsumers(channel)) {
                    // currentLag is the client's own cached view (no broker round trip, never blocks the poll loop);
                    // unknown right after an assignment, when the first fetch has not answered yet.
                    lag += consumer.runOnPollingThread(c -> {
                        Set<TopicPartition> assigned = c.assignment();
                        return assigned.stream().mapToLong(p -> c.currentLag(p).orElse(0)).sum();
                    }).await().atMost(Duration.ofSeconds(3));
                }
            }
            if (lag == 0) {
                freshAtNanos = now;
            }
        } catch (RuntimeException e) {
            LOG.debugf("projection lag not measurable (%s)", e.getClass().getSimpleName());
        }
    }
}
