package io.tiergate.campaign.stream;

import io.quarkus.runtime.StartupEvent;
import io.tiergate.campaign.config.CampaignConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the topics the topology needs, with the partition counts co-partitioning requires (the request topic, its
 * re-keyed twin and the identity links alike, the deltas and verdicts alike), before Kafka Streams waits for them. Existing topics are
 * left as they are. A broker that is away delays start-up; Kafka Streams waits for the topics anyway.
 */
@ApplicationScoped
public class TopicSetup {

    private static final Logger LOG = Logger.getLogger(TopicSetup.class);

    /** Kafka's own setting, which the messaging extension reads too: no mapping of ours may own kafka.*. */
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    CampaignConfig config;

    void create(@Observes StartupEvent ignored) {
        int partitions = config.partitions();
        short replication = config.replicationFactor();
        List<NewTopic> topics = List.of(
                new NewTopic(Topics.REQUESTS, partitions, replication),
                new NewTopic(Topics.REKEYED, partitions, replication),
                // an account's latest identity cluster is all that counts: compacted, kept
                new NewTopic(Topics.IDENTITY_LINKS, partitions, replication)
                        .configs(Map.of("cleanup.policy", "compact")),
                // identity-service's topic, read here: created if campaign-service starts first
                new NewTopic(Topics.IDENTITY, partitions, replication),
                new NewTopic(Topics.DELTAS, partitions, replication),
                new NewTopic(Topics.VERDICTS, partitions, replication),
                new NewTopic(Topics.SUMMARIES, 1, replication),
                new NewTopic(Topics.SIGNALS, Math.min(3, partitions), replication),
                new NewTopic(Topics.REJECTED, Math.min(3, partitions), replication),
                new NewTopic(Topics.CAMPAIGN, Math.min(3, partitions), replication));
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                20_000))) {
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                    LOG.infof("created topic %s (%d partitions)", topic.name(), topic.numPartitions());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        LOG.warnf(
                                "could not create topic %s (%s)",
                                topic.name(), e.getCause().getMessage());
                    }
                }
            }
        } catch (Exception e) {
            LOG.warnf("topics not created (%s); Kafka Streams waits for them", e.getMessage());
        }
    }
}
