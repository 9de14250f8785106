package io.tiergate.campaign.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiergate.campaign.config.CampaignConfig;
import io.tiergate.campaign.detection.AccountStage;
import io.tiergate.campaign.detection.CampaignSignal;
import io.tiergate.campaign.detection.CampaignVerdict;
import io.tiergate.campaign.detection.DetectionSettings;
import io.tiergate.campaign.detection.FamilyGroup;
import io.tiergate.campaign.detection.FamilySummary;
import io.tiergate.campaign.detection.GroupMember;
import io.tiergate.campaign.detection.MemberDelta;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * The detection topology (docs/campaigns.md draws it): request records by account (with identity-service's
 * duplicate-identity links, re-keyed by account), family groups by family, the linker on one partition, and verdicts back to the family groups, which flag members to the campaign store.
 * Event time is each record's {@code ts}, carried as the Kafka timestamp of everything derived from it.
 * The family and linker stores are cached: a key written many times between commits reaches RocksDB and its
 * changelog once (forwarded records are not held back by the cache). The account profiles are not: an account's
 * records are minutes apart at replay speed, so the cache coalesced few writes, and its ordered map of 100,000
 * profiles cost a quarter of the stream thread's time.
 */
@ApplicationScoped
public class DetectionTopology {

    static final String REJECTED_SINK = "rejected";
    static final String REKEY_SINK = "rekey";
    static final String IDENTITY_LINKS_SINK = "identity-links-out";
    static final String DELTAS_SINK = "deltas";
    static final String SUMMARIES_SINK = "summaries";
    static final String VERDICTS_SINK = "verdicts";
    static final String SIGNALS_SINK = "signals";

    @Inject
    ObjectMapper json;

    @Inject
    DetectionProgress progress;

    @Inject
    CampaignConfig config;

    @Produces
    public Topology topology() {
        return build(config.detection(), progress, json, Stores::persistentKeyValueStore);
    }

    /** The topology over stores of the given kind: RocksDB in the service, in memory where a test asks. */
    static Topology build(
            DetectionSettings settings,
            DetectionProgress progress,
            ObjectMapper json,
            java.util.function.Function<String, KeyValueBytesStoreSupplier> stores) {
        Serde<String> strings = Serdes.String();
        JsonSerde<MemberDelta> deltas = new JsonSerde<>(json, MemberDelta.class);
        JsonSerde<CampaignVerdict> verdicts = new JsonSerde<>(json, CampaignVerdict.class);
        JsonSerde<FamilySummary> summaries = new JsonSerde<>(json, FamilySummary.class);
        AccountStage accounts = new AccountStage(settings);
        Topology t = new Topology();

        // request records stay bytes until the parser reads them: no String of the whole record on the hot path
        t.addSource(
                "requests", strings.deserializer(), Serdes.ByteArray().deserializer(), Topics.REQUESTS, Topics.REKEYED);
        t.addProcessor(
                "accounts",
                () -> new RequestRecordProcessor(accounts, settings.familySlots(), progress, json),
                "requests");
        t.addStateStore(
                Stores.keyValueStoreBuilder(stores.apply(RequestRecordProcessor.STORE), strings, Serdes.ByteArray()),
                "accounts");

        // identity-service's duplicate-identity links, re-keyed by account so that they meet the account's records
        t.addSource("identity-in", strings.deserializer(), strings.deserializer(), Topics.IDENTITY);
        t.addProcessor("identity-links", () -> new IdentityLinkProcessor(json), "identity-in");
        t.addSink(
                IDENTITY_LINKS_SINK,
                Topics.IDENTITY_LINKS,
                strings.serializer(),
                strings.serializer(),
                "identity-links");
        t.addSource("identity-links-in", strings.deserializer(), strings.deserializer(), Topics.IDENTITY_LINKS);
        t.addProcessor("account-links", AccountLinkProcessor::new, "identity-links-in");
        t.addStateStore(
                Stores.keyValueStoreBuilder(stores.apply(RequestRecordProcessor.CLUSTERS), strings, strings),
                "accounts",
                "account-links");
        t.addSink(REJECTED_SINK, Topics.REJECTED, strings.serializer(), anyAsString(), "accounts");
        t.addSink(
                REKEY_SINK,
                Topics.REKEYED,
                strings.serializer(),
                anyAs(Serdes.ByteArray().serializer()),
                "accounts");
        t.addSink(DELTAS_SINK, Topics.DELTAS, strings.serializer(), anyAs(deltas.serializer()), "accounts");

        t.addSource("deltas-in", strings.deserializer(), deltas.deserializer(), Topics.DELTAS);
        t.addSource("verdicts-in", strings.deserializer(), verdicts.deserializer(), Topics.VERDICTS);
        t.addProcessor("groups", () -> new FamilyGroupProcessor(settings), "deltas-in", "verdicts-in");
        t.addStateStore(
                Stores.keyValueStoreBuilder(
                                stores.apply(FamilyGroupProcessor.GROUPS),
                                strings,
                                new JsonSerde<>(json, FamilyGroup.class))
                        .withCachingEnabled(),
                "groups");
        t.addStateStore(
                Stores.keyValueStoreBuilder(
                                stores.apply(FamilyGroupProcessor.MEMBERS),
                                strings,
                                new JsonSerde<>(json, GroupMember.class))
                        .withCachingEnabled(),
                "groups");
        t.addSink(SUMMARIES_SINK, Topics.SUMMARIES, strings.serializer(), anyAs(summaries.serializer()), "groups");
        t.addSink(
                SIGNALS_SINK,
                Topics.SIGNALS,
                strings.serializer(),
                anyAs(new JsonSerde<>(json, CampaignSignal.class).serializer()),
                "groups");

        t.addSource("summaries-in", strings.deserializer(), summaries.deserializer(), Topics.SUMMARIES);
        t.addProcessor("linker", () -> new LinkerProcessor(settings), "summaries-in");
        t.addStateStore(
                Stores.keyValueStoreBuilder(stores.apply(LinkerProcessor.STORE), strings, summaries)
                        .withCachingEnabled(),
                "linker");
        t.addSink(VERDICTS_SINK, Topics.VERDICTS, strings.serializer(), anyAs(verdicts.serializer()), "linker");
        return t;
    }

    private static Serializer<Object> anyAsString() {
        Serializer<String> strings = Serdes.String().serializer();
        return (topic, value) -> strings.serialize(topic, (String) value);
    }

    @SuppressWarnings("unchecked")
    private static <T> Serializer<Object> anyAs(Serializer<T> serializer) {
        return (topic, value) -> serializer.serialize(topic, (T) value);
    }
}
