package io.tiergate.identity.pii;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A row whose personal data does not open (its ciphertext moved, altered, or under a key no longer configured) is an
 * integrity incident, not a reason to fail every list it is in: the row reads without its names, flagged, and each
 * such read is logged (table, row and column, never a value) and counted in {@code tiergate_pii_unreadable_total},
 * which the TiergatePersonalDataUnreadable alert watches.
 */
@ApplicationScoped
public class UnreadablePersonalData {

    private static final Logger LOG = Logger.getLogger(UnreadablePersonalData.class);
    static final String METRIC = "tiergate.pii.unreadable";

    /** Registered at start, so that the alert sees a zero before the first failure. */
    void register(@Observes StartupEvent ignored) {
        counter("verification_case");
        counter("organization_party");
    }

    /** Called by an entity whose personal data did not open as it was loaded. */
    public static void report(String table, UUID row, PiiCipher.SealBroken cause) {
        counter(table).increment();
        LOG.errorf("personal data of %s %s does not open: %s", table, row, cause.getMessage());
    }

    /** A row read without its personal data is never sealed again: that would overwrite the evidence with nothing. */
    public static IllegalStateException refuseToReseal(String table, UUID row) {
        return new IllegalStateException("personal data of " + table + " " + row + " is unreadable: not resealed");
    }

    private static Counter counter(String table) {
        return Counter.builder(METRIC)
                .description("reads of rows whose personal data did not open")
                .tag("table", table)
                .register(Metrics.globalRegistry);
    }
}
