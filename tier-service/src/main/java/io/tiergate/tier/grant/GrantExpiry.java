package io.tiergate.tier.grant;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Expires grants on time: a grant past its expiry stops counting within one run of this job. */
@ApplicationScoped
public class GrantExpiry {

    private static final Logger LOG = Logger.getLogger(GrantExpiry.class);
    private static final int BATCH = 200;

    @Inject
    GrantService grants;

    @Scheduled(
            every = "${tiergate.tier.expiry-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "2s")
    void expireDue() {
        int expired;
        do {
            expired = grants.expireDue(BATCH);
            if (expired > 0) {
                LOG.infof("expired %d grant(s)", expired);
            }
        } while (expired == BATCH);
    }
}
