package io.tiergate.entitlement.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.tiergate.entitlement.decision.DecisionsConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * How stale the projection may be, for decisions that carry no consistency token: the time since the consumers
 * last passed the topics' end offsets as noted at some instant. It grows when the consumers fall behind (or are
 * paused), when one event is stuck in processing (the database away, retried), or when the offsets cannot be
 * read (the broker away: revocations could be waiting in producers' outboxes). Beyond
 * {@code tiergate.decisions.staleness-bound}, decisions without a token fail closed. Measured every second off
 * the hot path; a decision reads one volatile field.
 */
@ApplicationScoped
public class ProjectionFreshness {

    private static final Logger LOG = Logger.getLogger(ProjectionFreshness.class);
    static final List<String> CHANNELS = List.of("identity-events", "tier-events");

    @Inject
    KafkaClientService kafka;

    @Inject
    DecisionsConfig config;

    @Inject
    MeterRegistry meters;

    /** When the projection was last seen fully caught up (lag 0, nothing stuck in processing). */
    private volatile long freshAtNanos = System.nanoTime();

    private final Map<Long, Long> processingSince = new ConcurrentHashMap<>();

    /** The same measure for Prometheus (deploy/prometheus), whether or not it is beyond the bound. */
    @PostConstruct
    void registerMetric() {
        Gauge.builder("tiergate.projection.staleness", this, f -> (System.nanoTime() - f.freshAtNanos) / 1e9)
                .baseUnit("seconds")
                .description("time since the projection was last known to be caught up with its topics")
                .register(meters);
    }

    /** How long the projection has not been known to be caught up, if beyond the bound; else null. */
    public Duration staleness() {
        long behind = System.nanoTime() - freshAtNanos;
        return behind > config.stalenessBound().toNanos() ? Duration.ofNanos(behind) : null;
    }

    public Duration bound() {
        return config.stalenessBound();
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

    /** The topics' end offsets as seen at one instant: once the consumers' positions pass them, we were fresh then. */
    private record Snapshot(long atNanos, Map<TopicPartition, Long> ends) {}

    private record Offsets(Map<TopicPartition, Long> ends, Map<TopicPartition, Long> positions) {}

    private final Deque<Snapshot> snapshots = new ArrayDeque<>();

    /**
     * Every second: note the end offsets, and find the newest earlier note the consumers have since passed. Under a
     * steady stream the lag is rarely zero at any instant, yet the projection is fresh as of that note.
     */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        long now = System.nanoTime();
        long stuckFor = processingSince.values().stream()
                .mapToLong(start -> now - start)
                .max()
                .orElse(0);
        if (stuckFor > Duration.ofSeconds(1).toNanos()) {
            return; // an event is stuck in processing: not fresh
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        Map<TopicPartition, Long> positions = new HashMap<>();
        try {
            for (String channel : CHANNELS) {
                for (KafkaConsumer<Object, Object> consumer : kafka.<Object, Object>getConsumers(channel)) {
                    Offsets offsets = consumer.runOnPollingThread(c -> {
                                Set<TopicPartition> assigned = c.assignment();
                                Map<TopicPartition, Long> position = new HashMap<>();
                                for (TopicPartition p : assigned) {
                                    position.put(p, c.position(p, Duration.ofSeconds(1)));
                                }
                                return new Offsets(c.endOffsets(assigned, Duration.ofSeconds(1)), position);
                            })
                            .await()
                            .atMost(Duration.ofSeconds(3));
                    ends.putAll(offsets.ends());
                    positions.putAll(offsets.positions());
                }
            }
        } catch (RuntimeException e) {
            LOG.debugf("projection lag not measurable (%s)", e.getClass().getSimpleName());
            return;
        }
        snapshots.addLast(new Snapshot(now, ends));
        Snapshot reached = null;
        for (Snapshot snapshot : snapshots) {
            boolean passed = snapshot.ends().entrySet().stream()
                    .allMatch(e -> !positions.containsKey(e.getKey()) || positions.get(e.getKey()) >= e.getValue());
            if (passed) {
                reached = snapshot;
            }
        }
        if (reached != null) {
            freshAtNanos = Math.max(freshAtNanos, reached.atNanos());
            while (!snapshots.isEmpty() && snapshots.peekFirst().atNanos() < reached.atNanos()) {
                snapshots.removeFirst();
            }
        }
        while (snapshots.size() > 600) {
            snapshots.removeFirst();
        }
    }
}
