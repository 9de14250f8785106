package io.tiergate.entitlement.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.tiergate.entitlement.events.EntitlementEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Holds the compiled policy in force, read by every decision without I/O. The database is the truth: the newest
 * publication names the version. This copy is loaded at start, right after a publication commits here, whenever
 * another instance announces one on {@code tiergate.entitlement} ({@link EntitlementEvents.Changed}), and every few
 * seconds as a safety net.
 * An empty database is seeded once from {@code tiergate.policy.seed}.
 */
@ApplicationScoped
public class PolicyStore {

    private static final Logger LOG = Logger.getLogger(PolicyStore.class);
    static final String SEEDER = "seed";

    /** The newest publication, with its document when it is not the one in force. */
    private record Newest(long publication, String document) {}

    /** The policy in force and the publication that put it there. */
    private record InForce(long publication, CapabilityPolicy policy) {}

    @Inject
    PolicyConfig config;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    PolicyCompiler compiler;

    private volatile InForce inForce;

    void start(@Observes StartupEvent ignored) {
        QuarkusTransaction.requiringNew().run(this::seedIfEmpty);
        reload();
    }

    void onAnnouncedChange(@Observes EntitlementEvents.Changed ignored) {
        reload();
    }

    public CapabilityPolicy current() {
        return inForce.policy();
    }

    @Scheduled(every = "${tiergate.policy.reload-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void reload() {
        InForce known = inForce;
        // one transaction: the newest publication, and its document only when it is not the one in force
        Newest newest = QuarkusTransaction.requiringNew()
                .call(() -> PolicyPublication.newest()
                        .map(publication -> new Newest(
                                publication.id,
                                known != null && known.publication() == publication.id
                                        ? null
                                        : PolicyVersion.<PolicyVersion>findById(publication.version).document))
                        .orElse(null));
        if (newest == null || newest.document() == null) {
            return; // not seeded yet (the scheduler can fire before the start-up seeding), or unchanged
        }
        CapabilityPolicy compiled = compiler.compile(read(newest.document()));
        synchronized (this) {
            if (inForce == null || inForce.publication() < newest.publication()) {
                inForce = new InForce(newest.publication(), compiled);
                LOG.infof("policy %s in force (publication %d)", compiled.version(), newest.publication());
            }
        }
    }

    public PolicyDocument read(String json) {
        try {
            return objectMapper.readValue(json, PolicyDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy unreadable", e);
        }
    }

    public String write(PolicyDocument document) {
        try {
            return objectMapper.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("policy not serializable", e);
        }
    }

    private void seedIfEmpty() {
        // one instance seeds; the others wait here and then find the publication
        PolicyPublication.getEntityManager()
                .createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('policy-seed'))")
                .getSingleResult();
        if (PolicyPublication.count() > 0) {
            return;
        }
        PolicyDocument seed = readSeed();
        var problems = compiler.validate(seed);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("seed policy invalid: " + problems);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        PolicyVersion version = new PolicyVersion();
        version.version = seed.version();
        version.description = seed.description();
        version.document = write(seed);
        version.status = PolicyVersion.Status.PUBLISHED;
        version.createdBy = SEEDER;
        version.createdAt = now;
        version.persist();
        PolicyPublication publication = new PolicyPublication();
        publication.version = seed.version();
        publication.kind = PolicyPublication.Kind.PUBLISH;
        publication.publishedBy = SEEDER;
        publication.publishedAt = now;
        publication.persist();
    }

    private PolicyDocument readSeed() {
        Path file = Path.of(config.seed());
        try (InputStream in = Files.isRegularFile(file)
                ? Files.newInputStream(file)
                : Thread.currentThread().getContextClassLoader().getResourceAsStream(config.seed())) {
            if (in == null) {
                throw new IllegalStateException("seed policy not found: " + config.seed());
            }
            return objectMapper.readValue(in, PolicyDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException("seed policy unreadable: " + config.seed(), e);
        }
    }
}
