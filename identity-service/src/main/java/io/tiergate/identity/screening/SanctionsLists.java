package io.tiergate.identity.screening;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.tiergate.identity.screening.lists.ListEntry;
import io.tiergate.identity.screening.lists.ListLoaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The configured sanctions and denied-party lists, as one screening index. The sources are read at start and
 * re-read on a schedule; when their content changed, a new index is built aside and swapped in at once (screening
 * never waits and never sees half a list), and {@link ListsChanged} starts a re-screening of verified customers.
 * A source that cannot be read keeps the previous index: screening against yesterday's list beats none.
 */
@ApplicationScoped
public class SanctionsLists {

    private static final Logger LOG = Logger.getLogger(SanctionsLists.class);

    private final AtomicReference<ScreeningIndex> index = new AtomicReference<>(ScreeningIndex.empty());

    @Inject
    ScreeningConfig config;

    @Inject
    Event<ListsChanged> changed;

    void load(@Observes StartupEvent ignored) {
        refresh();
    }

    @Scheduled(
            every = "${tiergate.screening.refresh-interval:60s}",
            delayed = "${tiergate.screening.refresh-interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRefresh() {
        refresh();
    }

    public ScreeningIndex index() {
        return index.get();
    }

    /** Reads every source; swaps in a new index if the content changed. Returns whether it did. */
    public synchronized boolean refresh() {
        List<String> sources = config.sources();
        List<ListEntry> entries = new ArrayList<>();
        MessageDigest digest = sha256();
        for (String spec : sources) {
            ListSource source = ListSource.parse(spec);
            try {
                byte[] content = source.read();
                digest.update(content);
                entries.addAll(ListLoaders.forFormat(source.format())
                        .load(new ByteArrayInputStream(content), source.listId()));
            } catch (IOException | RuntimeException e) {
                LOG.errorf(
                        "sanctions list %s could not be read (%s); keeping index %s",
                        source.listId(), e.getMessage(), index.get().version());
                return false;
            }
        }
        if (entries.isEmpty() && !sources.isEmpty()) {
            LOG.errorf(
                    "the sanctions lists read as empty; keeping index %s",
                    index.get().version());
            return false; // an empty download is far likelier an upstream fault than a world without sanctions
        }
        String version = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        ScreeningIndex current = index.get();
        if (version.equals(current.version())) {
            return false;
        }
        ScreeningIndex fresh = new ScreeningIndex(version, entries);
        index.set(fresh);
        LOG.infof("sanctions lists version %s: %d entries from %d source(s)", version, fresh.size(), sources.size());
        if (!"empty".equals(current.version())) {
            changed.fireAsync(new ListsChanged(current.version(), version, fresh.size()));
        }
        return true;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
