package io.tiergate.entitlement.projection;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.tiergate.commons.event.CloudEvent;
import io.tiergate.commons.tx.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The in-memory projection decisions read (no I/O on the hot path), backed by {@code subject_projection}.
 * Changes are applied in the consumer's transaction and become visible in memory once committed.
 */
@ApplicationScoped
public class SubjectProjection {

    private static final Logger LOG = Logger.getLogger(SubjectProjection.class);

    public static final String IDENTITY_SOURCE = "identity-service";
    public static final String TIER_SOURCE = "tier-service";

    private final Map<String, SubjectState> states = new ConcurrentHashMap<>();
    private final Object versionMonitor = new Object();

    @Inject
    AfterCommit afterCommit;

    /** Rows read per transaction at startup: the whole table in one persistence context needed twice its size. */
    static final int LOAD_PAGE = 5_000;

    void load(@Observes StartupEvent ignored) {
        int loaded = 0;
        String after = "";
        while (true) {
            String from = after;
            List<SubjectProjectionRow> page = QuarkusTransaction.requiringNew()
                    .call(() -> SubjectProjectionRow.<SubjectProjectionRow>find("subject > ?1 order by subject", from)
                            .page(0, LOAD_PAGE)
                            .list());
            page.forEach(row -> publish(row.toState()));
            loaded += page.size();
            if (page.size() < LOAD_PAGE) {
                break;
            }
            after = page.get(page.size() - 1).subject;
        }
        LOG.infof("projection loaded %d subjects", loaded);
    }

    public SubjectState get(String subject) {
        return states.get(subject);
    }

    public long appliedVersion(String source, String subject) {
        SubjectState state = states.get(subject);
        return state == null ? 0 : state.appliedVersion(source);
    }

    /** Waits, at most {@code timeout}, until the projection has applied {@code version} of the subject from the source. */
    public boolean awaitVersion(String source, String subject, long version, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (versionMonitor) {
            while (appliedVersion(source, subject) < version) {
                long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (remainingMillis <= 0) {
                    return false;
                }
                try {
                    versionMonitor.wait(remainingMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** Applies an identity verdict; runs in the consumer's transaction. */
    void applyIdentity(CloudEvent event) {
        SubjectProjectionRow row = lockedRow(event.subject());
        if (!advance(row, event)) {
            catchUp(row);
            return;
        }
        row.identityStatus = event.data().path("status").asText(null);
        LinkedHashSet<String> nationalities = new LinkedHashSet<>();
        event.data().path("nationalities").forEach(n -> nationalities.add(n.asText()));
        row.nationalities = nationalities;
        row.residenceCountry = event.data().path("residenceCountry").asText(null);
        row.verifiedAt = SubjectState.VERIFIED.equals(row.identityStatus) ? event.time() : null;
        save(row);
    }

    /** Records the event's version and nothing else: for events that change nothing decisions read. */
    void advanceOnly(CloudEvent event) {
        SubjectProjectionRow row = lockedRow(event.subject());
        if (advance(row, event)) {
            save(row);
        } else {
            catchUp(row);
        }
    }

    static final String EFFECTIVE_CHANGED = "tiergate.tier.effective.changed";

    /**
     * Applies tier-service's events: {@code effective.changed} carries every tier the person holds now (direct or
     * through an organization) and replaces what was known; other tier events only advance the applied version,
     * so that a consistency token taken from any of them can be waited for.
     */
    void applyTier(CloudEvent event) {
        SubjectProjectionRow row = lockedRow(event.subject());
        if (!advance(row, event)) {
            catchUp(row);
            return;
        }
        if (EFFECTIVE_CHANGED.equals(event.type())) {
            Map<String, String> grants = new HashMap<>();
            Map<String, String> organizations = new HashMap<>();
            event.data().path("tiers").forEach(t -> {
                grants.put(t.path("grantId").asText(), t.path("tier").asText());
                if (t.hasNonNull("organizationId")) {
                    organizations.put(
                            t.path("grantId").asText(), t.path("organizationId").asText());
                }
            });
            row.activeGrants = grants;
            row.grantOrganizations = organizations;
        }
        save(row);
    }

    /**
     * The subject's row, locked. Identity and tier events of one subject arrive on two consumer threads: the row is
     * created with INSERT ... ON CONFLICT DO NOTHING, so that neither fails on the other's insert.
     */
    private SubjectProjectionRow lockedRow(String subject) {
        SubjectProjectionRow.getEntityManager()
                .createNativeQuery("INSERT INTO subject_projection (subject, updated_at) VALUES (?1, now()) "
                        + "ON CONFLICT (subject) DO NOTHING")
                .setParameter(1, subject)
                .executeUpdate();
        return SubjectProjectionRow.findById(subject, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Records the event's version; false when it is not newer than what was applied (late or replayed). */
    private static boolean advance(SubjectProjectionRow row, CloudEvent event) {
        long version = event.tiergateversion() == null ? 0 : event.tiergateversion();
        long applied = row.appliedVersions.getOrDefault(event.source(), 0L);
        if (version <= applied) {
            return false;
        }
        row.appliedVersions.put(event.source(), version);
        return true;
    }

    private void save(SubjectProjectionRow row) {
        row.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        row.persist();
        SubjectState state = row.toState();
        afterCommit.run(() -> publish(state));
    }

    /**
     * An event the table has already applied: another instance sharing the database got there first. Its row is at
     * least as new as the event, so this instance's memory takes the row (a replay changes nothing: the newer wins).
     */
    private void catchUp(SubjectProjectionRow row) {
        SubjectState state = row.toState();
        afterCommit.run(() -> publish(state));
    }

    private void publish(SubjectState state) {
        states.merge(state.subject(), state, (old, fresh) -> fresh.dominates(old) ? fresh : old);
        synchronized (versionMonitor) {
            versionMonitor.notifyAll();
        }
    }
}
