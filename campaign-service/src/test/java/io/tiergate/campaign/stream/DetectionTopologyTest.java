package io.tiergate.campaign.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiergate.campaign.detection.CampaignSignal;
import io.tiergate.campaign.detection.DetectionSettings;
import io.tiergate.campaign.detection.MemberDelta;
import io.tiergate.campaign.sim.Simulator;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real topology, every stage, on Kafka Streams' test driver (no broker), over in-memory stores: the driver commits
 * after every record, which RocksDB turns into a flush each time (the service's RocksDB stores are covered by the ITs).
 */
class DetectionTopologyTest {

    static final ObjectMapper JSON = new ObjectMapper();

    TopologyTestDriver driver;
    DetectionProgress progress;
    TestInputTopic<String, String> requests;
    TestOutputTopic<String, String> rejected;
    TestOutputTopic<String, String> signals;

    @BeforeEach
    void start() throws Exception {
        progress = new DetectionProgress();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "campaign-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(
                StreamsConfig.STATE_DIR_CONFIG,
                Files.createTempDirectory("streams").toString());
        driver = new TopologyTestDriver(
                DetectionTopology.build(
                        DetectionSettings.defaults(),
                        progress,
                        JSON,
                        org.apache.kafka.streams.state.Stores::inMemoryKeyValueStore),
                props);
        requests = driver.createInputTopic(Topics.REQUESTS, new StringSerializer(), new StringSerializer());
        rejected = driver.createOutputTopic(Topics.REJECTED, new StringDeserializer(), new StringDeserializer());
        signals = driver.createOutputTopic(Topics.SIGNALS, new StringDeserializer(), new StringDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aMalformedRecordIsDeadLetteredWithItsReasonAndTheStreamGoesOn() throws Exception {
        requests.pipeInput("acct-1", "{not json");
        requests.pipeInput("acct-1", Sample.record("acct-1", "2026-11-02T10:00:00.000Z", "zz"));
        requests.pipeInput("acct-1", Sample.record("acct-1", "2026-11-02T10:00:01.000Z", "0123456789abcdef"));
        List<String> dead = rejected.readValuesToList();
        assertEquals(2, dead.size());
        JsonNode first = JSON.readTree(dead.get(0));
        assertEquals("MALFORMED_JSON", first.path("reason").asText());
        assertEquals("{not json", first.path("record").asText());
        JsonNode second = JSON.readTree(dead.get(1));
        assertEquals("INVALID_FIELD", second.path("reason").asText());
        assertEquals("promptSimhash", second.path("field").asText());
        assertEquals(3, progress.recordsSeen());
        assertEquals(2, progress.recordsRejected());
        assertEquals(java.time.Instant.parse("2026-11-02T10:00:01.000Z").toEpochMilli(), progress.streamTime());
    }

    @Test
    void aRecordUnderAnotherKeyIsCountedOnceUnderItsAccount() {
        requests.pipeInput("wrong-key", Sample.record("acct-2", "2026-11-02T10:00:00.000Z", "0123456789abcdef"));
        requests.pipeInput(null, Sample.record("acct-2", "2026-11-02T10:00:01.000Z", "0123456789abcdef"));
        assertEquals(2, progress.recordsSeen());
        assertEquals(0, progress.recordsRejected());
    }

    @Test
    void anAccountsIdentityClusterReachesItsFamilyReports() throws Exception {
        TestInputTopic<String, String> identity =
                driver.createInputTopic(Topics.IDENTITY, new StringSerializer(), new StringSerializer());
        TestOutputTopic<String, String> deltas =
                driver.createOutputTopic(Topics.DELTAS, new StringDeserializer(), new StringDeserializer());
        String cluster = "6f1c1d8e-7a55-4c8e-9d0e-3f2b3c4d5e6f";
        identity.pipeInput(
                "acct-a",
                "{\"specversion\":\"1.0\",\"id\":\"e1\",\"type\":\"tiergate.identity.verification.verified\","
                        + "\"subject\":\"acct-a\",\"data\":{\"clusterId\":\"not-a-link\"}}");
        identity.pipeInput("acct-a", "{not json");
        identity.pipeInput(
                "acct-a",
                "{\"specversion\":\"1.0\",\"id\":\"e2\",\"type\":\"" + IdentityLinkProcessor.CLUSTER_LINKED
                        + "\",\"subject\":\"acct-a\",\"data\":{\"clusterId\":\"" + cluster + "\",\"caseId\":\"c\","
                        + "\"linkedSubjects\":[\"acct-b\"],\"via\":[\"DEVICE\"],\"clusterSize\":2}}");
        for (String account : List.of("acct-a", "acct-b", "acct-c")) {
            for (int i = 0; i < 3; i++) { // the third prompt of a family is the account's first report to it
                requests.pipeInput(
                        account, Sample.record(account, "2026-11-02T10:00:0" + i + ".000Z", "0123456789abcdef"));
            }
        }
        Map<String, String> clusterOf = new java.util.HashMap<>();
        for (String value : deltas.readValuesToList()) {
            MemberDelta d = JSON.readValue(value, MemberDelta.class);
            clusterOf.put(d.accountId(), String.valueOf(d.identityCluster()));
        }
        assertEquals(Map.of("acct-a", cluster, "acct-b", cluster, "acct-c", "null"), clusterOf);
    }

    @Test
    void findsASimulatedCampaignThroughEveryStageIncludingLateRecords() {
        Simulator sim = new Simulator(Simulator.Config.of(7, 1500, 2).withCampaigns(120, 0));
        List<String> lines = new ArrayList<>();
        sim.run(lines::add);
        // every 50th record arrives five minutes late, after later ones: processing order is not event-time order
        List<String> late = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (i % 50 == 0) {
                late.add(lines.get(i));
            } else {
                requests.pipeInput(accountOf(lines.get(i)), lines.get(i));
            }
            if (late.size() == 20) {
                late.forEach(l -> requests.pipeInput(accountOf(l), l));
                late.clear();
            }
        }
        late.forEach(l -> requests.pipeInput(accountOf(l), l));
        Set<String> flagged = new HashSet<>();
        for (String value : signals.readValuesToList()) {
            try {
                CampaignSignal s = JSON.readValue(value, CampaignSignal.class);
                s.flagged().forEach(f -> flagged.add(f.accountId()));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        long campaign = 0, found = 0, legitFlagged = 0;
        for (Map.Entry<String, Simulator.Label> e : sim.labels().entrySet()) {
            if (e.getValue().population().campaign()) {
                campaign++;
                found += flagged.contains(e.getKey()) ? 1 : 0;
            } else {
                legitFlagged += flagged.contains(e.getKey()) ? 1 : 0;
            }
        }
        assertTrue(found >= 0.85 * campaign, found + " of " + campaign + " campaign accounts flagged");
        assertTrue(legitFlagged <= 15, legitFlagged + " legitimate accounts flagged");
        assertEquals(lines.size(), progress.recordsSeen());
    }

    static String accountOf(String line) {
        int at = line.indexOf("\"accountId\":\"") + 13;
        return line.substring(at, line.indexOf('"', at));
    }

    /** Sample records for tests. */
    static final class Sample {
        static String record(String account, String ts, String simhash) {
            return "{\"ts\":\"" + ts + "\",\"requestId\":\"" + java.util.UUID.randomUUID() + "\",\"accountId\":\""
                    + account + "\",\"orgId\":null,\"capability\":\"mythos-5:code\",\"inputTokens\":10,"
                    + "\"outputTokens\":20,\"clientIp\":\"198.51.100.4\",\"asn\":64500,\"userAgent\":\"ua\","
                    + "\"deviceId\":\"d\",\"paymentFingerprint\":null,\"promptSimhash\":\"" + simhash + "\","
                    + "\"cotElicitation\":false,\"registeredAt\":\"2026-10-01T00:00:00.000Z\"}";
        }
    }
}
