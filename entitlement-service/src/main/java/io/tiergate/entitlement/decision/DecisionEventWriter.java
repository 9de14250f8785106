package io.tiergate.entitlement.decision;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tiergate.commons.outbox.DirectEventPublisher;
import io.tiergate.commons.outbox.Outbox;
import io.tiergate.entitlement.events.Topics;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Takes decision events off the hot path: a decision is queued in memory and published in batches, straight to
 * Kafka ({@link DirectEventPublisher}); what the broker does not acknowledge goes to the outbox and flows from there.
 * The trade-off, stated in docs/: a crash loses at most the decisions queued or in flight, and a full queue drops
 * (and counts) rather than slows gateways.
 */
@ApplicationScoped
public class DecisionEventWriter {

    private static final Logger LOG = Logger.getLogger(DecisionEventWriter.class);

    @Inject
    Outbox outbox;

    @Inject
    DirectEventPublisher publisher;

    @Inject
    MeterRegistry meters;

    @Inject
    DecisionsConfig config;

    @Inject
    Topics topics;

    /** Where ALLOW windows start and close. */
    Clock clock = Clock.systemUTC();
    /** ALLOW counts by window, so that a closed window is flushed whole, without scanning the open one. */
    private AllowedAggregates allowed;
    /** Lock-free, so that a request thread never waits on a lock the writer holds while it is descheduled. */
    private LinkedTransferQueue<DecisionEvents.Pending> queue;

    private final AtomicInteger queued = new AtomicInteger();
    /** Aggregates of closed windows not yet published; the writer thread's alone. */
    private final ArrayDeque<DecisionEvents.Pending> closedAggregates = new ArrayDeque<>();

    private Counter dropped;
    private volatile boolean running;
    private Thread worker;

    @PostConstruct
    void init() {
        allowed = new AllowedAggregates(config.events().allowWindow());
    }

    void start(@Observes StartupEvent ignored) {
        queue = new LinkedTransferQueue<>();
        dropped = meters.counter("tiergate.decisions.events.dropped");
        meters.gauge("tiergate.decisions.events.queued", queued, AtomicInteger::get);
        running = true;
        worker = new Thread(this::run, "decision-event-writer");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        if (worker != null) {
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Every DENY is an event of its own; an ALLOW only counts towards its window's aggregate. */
    public void record(String subject, String capability, String jurisdiction, Decision decision) {
        if (decision.decision() == Decision.Verdict.ALLOW) {
            allowed.count(subject, capability, decision.policyVersion(), clock.millis());
            return;
        }
        var event = new DecisionEvents.DecisionMade(
                decision.decisionId(),
                capability,
                jurisdiction,
                decision.decision(),
                decision.reasons(),
                decision.policyVersion());
        enqueue(new DecisionEvents.Pending(subject, DecisionEvents.DENIED, event));
    }

    /**
     * Moves the aggregates of windows that closed (all of them on shutdown), a second after their end, to the
     * writer's own backlog, which {@link #publishAggregates} paces out: a closed minute can hold a hundred thousand
     * aggregates, and published at once they would take the cores from the requests of the next minute.
     */
    private void flushAllowed(boolean all) {
        closedAggregates.addAll(allowed.takeClosed(clock.millis(), all));
    }

    /** Queues an event, or drops and counts it when the queue is full. */
    private void enqueue(DecisionEvents.Pending pending) {
        if (queued.incrementAndGet() > config.events().queueCapacity()) {
            queued.decrementAndGet();
            dropped.increment();
            return;
        }
        queue.offer(pending);
    }

    private void run() {
        int batchSize = config.events().batchSize();
        List<DecisionEvents.Pending> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty() || !allowed.isEmpty() || !closedAggregates.isEmpty()) {
            try {
                flushAllowed(!running);
                publisher.spillUnacknowledged();
                publishAggregates(running ? batchSize : Integer.MAX_VALUE);
                // with aggregates in the backlog, at most a batch of them every 50 ms
                DecisionEvents.Pending first = queue.poll(closedAggregates.isEmpty() ? 200 : 50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queued.addAndGet(-1 - queue.drainTo(batch, batchSize - 1));
                try {
                    publish(batch);
                } finally {
                    batch.clear(); // what the broker refuses is the publisher's to keep, not this batch's
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the outbox's database is away while the broker is too: what was not acknowledged is kept
                LOG.warnf(
                        "decision events not yet written (%s); retrying",
                        e.getClass().getSimpleName());
                pause();
            }
        }
        try {
            publisher.flush();
        } catch (RuntimeException e) {
            LOG.errorf(
                    "decision events not flushed at shutdown (%s)", e.getClass().getSimpleName());
        }
    }

    private void publishAggregates(int most) {
        List<DecisionEvents.Pending> batch = new ArrayList<>(Math.min(most, closedAggregates.size()));
        for (DecisionEvents.Pending aggregate; batch.size() < most && (aggregate = closedAggregates.poll()) != null; ) {
            batch.add(aggregate);
        }
        publish(batch);
    }

    private void publish(List<DecisionEvents.Pending> batch) {
        List<Outbox.Prepared> records = new ArrayList<>(batch.size());
        for (DecisionEvents.Pending pending : batch) {
            records.add(outbox.prepare(
                    topics.decisions(), new Outbox.Record(pending.type(), pending.subject(), pending.data())));
        }
        publisher.publish(records);
    }

    /** Back-off while the outbox's database is away; the publisher keeps what it could not write and retries. */
    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
