package io.tiergate.entitlement.usage;

import io.quarkus.scheduler.Scheduled;
import io.tiergate.entitlement.policy.Budget;
import io.tiergate.entitlement.projection.SubjectState;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The usage counters of this instance, one sliding window per holder (a subject or an organization), capability and
 * window length. What this instance counts is also queued as a delta for {@link UsageEvents} to share with the other
 * instances, whose deltas come back through {@link #addObserved}.
 */
@ApplicationScoped
public class UsageLedger {

    /** What one counter counts. */
    public record Key(Budget.Scope scope, String holder, String capability, long windowMillis) {}

    /** A budget applied to one holder. */
    public record Charge(Budget budget, String holder) {}

    /**
     * Who pays each budget: the subject, or the organization whose grant gave the subject {@code tier} (none when the
     * tier is held directly). One rule for allowed requests and for the tokens reported for them.
     */
    public static List<Charge> chargesFor(List<Budget> budgets, SubjectState subject, String tier) {
        List<Charge> charges = new ArrayList<>(budgets.size());
        String organization = null;
        boolean organizationLooked = false;
        for (Budget budget : budgets) {
            if (budget.scope() == Budget.Scope.SUBJECT) {
                charges.add(new Charge(budget, subject.subject()));
            } else {
                if (!organizationLooked) {
                    organization = tier == null ? null : subject.organizationFor(tier);
                    organizationLooked = true;
                }
                if (organization != null) {
                    charges.add(new Charge(budget, organization));
                }
            }
        }
        return charges;
    }

    /** The outcome of charging an allowed decision: what is left, and whether any budget was already spent. */
    public record Outcome(boolean exhausted, List<BudgetStatus> statuses) {}

    /** When idle counters are forgotten; charges and reports pass their own times. */
    Clock clock = Clock.systemUTC();

    private final Map<Key, SlidingCounter> counters = new ConcurrentHashMap<>();
    /** Deltas counted here and not yet shared: {requests, tokens} per key. */
    private final Map<Key, AtomicLongArray> unshared = new ConcurrentHashMap<>();

    /**
     * Counts one request against every budget, all or nothing: when one budget is spent, none is charged and the
     * outcome says exhausted.
     */
    public Outcome charge(String capability, List<Charge> charges, long nowMillis) {
        List<Key> taken = new ArrayList<>(charges.size());
        boolean exhausted = false;
        for (Charge charge : charges) {
            Budget budget = charge.budget();
            Key key = key(budget, charge.holder(), capability);
            SlidingCounter counter = counter(key);
            if (budget.tokens() != null && counter.sum(nowMillis)[1] >= budget.tokens()) {
                exhausted = true;
                break;
            }
            if (budget.requests() != null) {
                if (counter.tryAddRequest(nowMillis, budget.requests()) < 0) {
                    exhausted = true;
                    break;
                }
            } else {
                counter.add(nowMillis, nowMillis, 1, 0);
            }
            taken.add(key);
        }
        if (exhausted) {
            taken.forEach(key -> counter(key).add(nowMillis, nowMillis, -1, 0));
        } else {
            taken.forEach(key -> unshared(key).addAndGet(0, 1));
        }
        return new Outcome(exhausted, statuses(capability, charges, nowMillis));
    }

    /** Records tokens a gateway reported, against every token budget given. */
    public void addTokens(String capability, List<Charge> charges, long tokens, long atMillis, long nowMillis) {
        for (Charge charge : charges) {
            counter(key(charge.budget(), charge.holder(), capability)).add(atMillis, nowMillis, 0, tokens);
        }
    }

    /** Applies a delta another instance counted. */
    public void addObserved(Key key, long requests, long tokens, long atMillis, long nowMillis) {
        counter(key).add(atMillis, nowMillis, requests, tokens);
    }

    public List<BudgetStatus> statuses(String capability, List<Charge> charges, long nowMillis) {
        List<BudgetStatus> statuses = new ArrayList<>(charges.size());
        for (Charge charge : charges) {
            Budget b = charge.budget();
            long[] used = counter(key(b, charge.holder(), capability)).sum(nowMillis);
            statuses.add(new BudgetStatus(
                    b.scope(),
                    b.window(),
                    b.requests(),
                    b.requests() == null ? null : Math.max(0, b.requests() - used[0]),
                    b.tokens(),
                    b.tokens() == null ? null : Math.max(0, b.tokens() - used[1])));
        }
        return statuses;
    }

    /** Takes the deltas counted here since the last call. */
    Map<Key, long[]> drainUnshared() {
        Map<Key, long[]> drained = new java.util.HashMap<>();
        unshared.forEach((key, delta) -> {
            // swapped element by element: a count added meanwhile stays for the next batch, never lost
            long requests = delta.getAndSet(0, 0);
            long tokens = delta.getAndSet(1, 0);
            if (requests != 0 || tokens != 0) {
                drained.put(key, new long[] {requests, tokens});
            }
        });
        return drained;
    }

    @Scheduled(every = "1m")
    void forgetIdleCounters() {
        forgetIdleCounters(clock.millis());
    }

    /** Drops counters untouched for two of their windows, and their deltas once shared. */
    void forgetIdleCounters(long now) {
        counters.entrySet()
                .removeIf(e -> e.getValue().idleSince(now - 2 * e.getKey().windowMillis()));
        unshared.entrySet()
                .removeIf(
                        e -> e.getValue().get(0) == 0 && e.getValue().get(1) == 0 && !counters.containsKey(e.getKey()));
    }

    /** How many counters this instance holds. */
    int counterCount() {
        return counters.size();
    }

    static Key key(Budget budget, String holder, String capability) {
        return new Key(budget.scope(), holder, capability, budget.window().toMillis());
    }

    private SlidingCounter counter(Key key) {
        return counters.computeIfAbsent(key, k -> new SlidingCounter(k.windowMillis()));
    }

    private AtomicLongArray unshared(Key key) {
        return unshared.computeIfAbsent(key, k -> new AtomicLongArray(2));
    }

    static Duration window(Key key) {
        return Duration.ofMillis(key.windowMillis());
    }
}
