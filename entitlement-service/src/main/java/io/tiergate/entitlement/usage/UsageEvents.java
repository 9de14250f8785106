package io.tiergate.entitlement.usage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tiergate.commons.event.CloudEvent;
import io.tiergate.commons.inbox.EventConsumer;
import io.tiergate.commons.outbox.DirectEventPublisher;
import io.tiergate.commons.outbox.Outbox;
import io.tiergate.entitlement.events.Topics;
import io.tiergate.entitlement.policy.Budget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the counters of all instances in step through {@code tiergate.usage}, keyed by holder. Every instance
 * publishes what it counted as {@code tiergate.usage.recorded} deltas (batched every few hundred milliseconds) and
 * reads the whole topic in a consumer group of its own, applying the others' deltas and every gateway's
 * {@code tiergate.usage.reported}; read from the beginning at start, so a restarted instance rebuilds its windows.
 * Deltas change no state of record, so they go straight to Kafka as the decision log does
 * ({@link DirectEventPublisher}): one the broker does not acknowledge goes to the outbox with its id and arrives
 * late, never lost, and never counted twice.
 */
@ApplicationScoped
public class UsageEvents {

    private static final Logger LOG = Logger.getLogger(UsageEvents.class);
    public static final String RECORDED = "tiergate.usage.recorded";
    public static final String REPORTED = "tiergate.usage.reported";
    static final String CONSUMER = "entitlement-service-usage";

    /** Data of {@link #RECORDED}: what one instance counted for one holder, capability and window. */
    public record UsageRecorded(
            String instance,
            Budget.Scope scope,
            String holder,
            String capability,
            long windowMillis,
            long requests,
            long tokens,
            OffsetDateTime at) {}

    @Inject
    UsageLedger ledger;

    @Inject
    UsageReports reports;

    @Inject
    EventConsumer events;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    Outbox outbox;

    @Inject
    Topics topics;

    @Inject
    DirectEventPublisher publisher;

    @Inject
    UsageConfig config;

    /** This instance's id, which Quarkus generates: no mapping of ours may own quarkus.*. */
    @ConfigProperty(name = "quarkus.uuid")
    String instance;

    /** Event ids seen lately: a redelivery is applied once. */
    private final Set<UUID> seen = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
            return size() > 100_000;
        }
    });

    /** Quarkus' scheduler works in whole seconds; the deltas go out more often, on a thread of their own. */
    private ScheduledExecutorService sharing;
    /** Whether the last try to keep unacknowledged deltas in the outbox failed: said once, not every batch. */
    private volatile boolean spillFailing;

    void start(@Observes StartupEvent ignored) {
        sharing = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "usage-sharing");
            thread.setDaemon(true);
            return thread;
        });
        sharing.scheduleWithFixedDelay(
                this::shareSafely, 1000, config.shareEvery().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (sharing != null) {
            sharing.shutdown();
            shareSafely(); // what was counted since the last batch
        }
    }

    private void shareSafely() {
        try {
            share();
        } catch (RuntimeException e) {
            LOG.warnf("usage deltas not shared (%s)", e.getClass().getSimpleName());
        }
        try {
            publisher.spillUnacknowledged();
            spillFailing = false;
        } catch (RuntimeException e) {
            // the database is away while the broker is too: the publisher keeps them, and the next batch retries
            if (!spillFailing) {
                LOG.warnf(
                        "usage deltas the broker did not take not yet kept in the outbox (%s); retrying",
                        e.getClass().getSimpleName());
            }
            spillFailing = true;
        }
    }

    void share() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Outbox.Prepared> deltas = new ArrayList<>();
        ledger.drainUnshared().forEach((key, delta) -> {
            UsageRecorded data = new UsageRecorded(
                    instance, key.scope(), key.holder(), key.capability(), key.windowMillis(), delta[0], delta[1], now);
            deltas.add(outbox.prepare(topics.usage(), new Outbox.Record(RECORDED, key.holder(), data)));
        });
        publisher.publish(deltas);
    }

    @Incoming("usage-events")
    public void onUsageEvent(String payload) {
        CloudEvent event = events.parse(CONSUMER, payload);
        if (event == null || !firstDelivery(event.id())) {
            return;
        }
        long now = System.currentTimeMillis();
        try {
            if (RECORDED.equals(event.type())) {
                UsageRecorded delta = objectMapper.treeToValue(event.data(), UsageRecorded.class);
                if (!instance.equals(delta.instance())) { // our own counts are in the ledger already
                    ledger.addObserved(
                            new UsageLedger.Key(
                                    delta.scope(), delta.holder(), delta.capability(), delta.windowMillis()),
                            delta.requests(),
                            delta.tokens(),
                            delta.at().toInstant().toEpochMilli(),
                            now);
                }
            } else if (REPORTED.equals(event.type())) {
                JsonNode data = event.data();
                reports.apply(
                        objectMapper.treeToValue(data, UsageReport.class),
                        event.time() == null ? now : event.time().toInstant().toEpochMilli(),
                        now);
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warnf("%s skipped event %s of type %s: unreadable data", CONSUMER, event.id(), event.type());
        }
    }

    private synchronized boolean firstDelivery(UUID id) {
        return seen.add(id);
    }
}
