package io.tiergate.bench;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * How long a change takes to reach the decision: from an {@code account.contained} event on the benchmark's campaign
 * topic (as campaign-service publishes it) to the first decision that says {@code CAMPAIGN_CONTAINED}, and from an officer's
 * confirmation of a directive to the first {@code DIRECTIVE_DENIED}. The goal for both is 1 s. Measured here rather
 * than in a timed test, with and without decision load, one change at a time.
 */
final class PropagationLatency implements AutoCloseable {

    static final String CAPABILITY = "bench-model-0:feature-0"; // every seeded tier is entitled to it
    private static final long POLL_NANOS = 2_000_000;
    private static final long GIVE_UP_NANOS = 30_000_000_000L;
    /** The benchmark service's own campaign topic (deploy/tiergate sets it), so the platform's trail never sees it. */
    static final String CAMPAIGN_TOPIC = "tiergate.bench.campaign";

    private final URI entitlement;
    private final String gateway;
    private final String keycloak;
    private final KafkaProducer<String, String> producer;
    private long version = System.currentTimeMillis();
    private final Histogram acknowledged = new Histogram(3);

    PropagationLatency(String keycloak, URI entitlement, String kafka) {
        this.keycloak = keycloak;
        this.entitlement = entitlement;
        this.gateway = DecisionBenchmark.gatewayToken(keycloak);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(props);
    }

    /** Contains, measures, releases: {@code count} seeded subjects in turn (from {@code firstSubject} on). */
    Histogram containment(int count, int firstSubject) throws Exception {
        Histogram micros = new Histogram(3);
        for (int i = 0; i < count; i++) {
            String subject = String.format("00000000-0000-4000-8000-%012d", firstSubject + i);
            String campaign = UUID.randomUUID().toString();
            await(subject, null, body -> body.contains("\"decision\":\"ALLOW\""));
            long sent = publish(
                    "tiergate.campaign.account.contained",
                    subject,
                    "{\"campaignId\":\"" + campaign + "\",\"level\":\"DENY\",\"score\":0.930,\"flaggedAt\":\"" + now()
                            + "\"}");
            micros.recordValue(await(subject, null, body -> body.contains("CAMPAIGN_CONTAINED")) - sent);
            publish(
                    "tiergate.campaign.account.released",
                    subject,
                    "{\"campaignId\":\"" + campaign + "\",\"reason\":\"benchmark\"}");
            await(subject, null, body -> !body.contains("CAMPAIGN_CONTAINED"));
        }
        return micros;
    }

    /** Issues, confirms (four eyes), measures and revokes {@code count} directives in turn. */
    Histogram directives(int count, int subject) {
        Histogram micros = new Histogram(3);
        String issuer = officer("olivia");
        String confirmer = officer("oscar");
        String subjectId = String.format("00000000-0000-4000-8000-%012d", subject);
        for (int i = 0; i < count; i++) {
            await(subjectId, "BR", body -> body.contains("\"decision\":\"ALLOW\""));
            String id = Http.send(
                            "POST",
                            entitlement.resolve("/v1/directives").toString(),
                            issuer,
                            Map.of(
                                    "capability",
                                    CAPABILITY,
                                    "deniedJurisdictions",
                                    List.of("BR"),
                                    "reason",
                                    "benchmark: propagation latency"))
                    .expect(201)
                    .json()
                    .path("id")
                    .asText();
            long confirmed = System.nanoTime() / 1000;
            Http.send(
                            "POST",
                            entitlement
                                    .resolve("/v1/directives/" + id + "/confirmation")
                                    .toString(),
                            confirmer,
                            Map.of())
                    .expect(200);
            micros.recordValue(await(subjectId, "BR", body -> body.contains("DIRECTIVE_DENIED")) - confirmed);
            Http.send(
                            "POST",
                            entitlement
                                    .resolve("/v1/directives/" + id + "/revocation")
                                    .toString(),
                            confirmer,
                            Map.of())
                    .expect(200);
        }
        return micros;
    }

    /** The broker's acknowledgement of the events sent so far (part of each containment figure). */
    Histogram acknowledged() {
        return acknowledged;
    }

    static String summary(String what, Histogram micros) {
        return String.format(
                "%s: n=%d, p50 %.1f ms, p99 %.1f ms, max %.1f ms (goal: 1,000 ms)",
                what,
                micros.getTotalCount(),
                micros.getValueAtPercentile(50) / 1000.0,
                micros.getValueAtPercentile(99) / 1000.0,
                micros.getMaxValue() / 1000.0);
    }

    private String officer(String name) {
        return Http.userToken(keycloak, name);
    }

    /** Sends the record and waits for the broker's acknowledgement; returns the time it was sent, in µs. */
    private long publish(String type, String account, String data) throws Exception {
        String event = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"campaign-service\","
                + "\"type\":\"" + type + "\",\"subject\":\"" + account + "\",\"time\":\"" + now() + "\","
                + "\"datacontenttype\":\"application/json\",\"tiergateversion\":" + (++version) + ",\"data\":" + data
                + "}";
        long sent = System.nanoTime() / 1000;
        producer.send(new ProducerRecord<>(CAMPAIGN_TOPIC, account, event)).get();
        acknowledged.recordValue(System.nanoTime() / 1000 - sent);
        return sent;
    }

    /** Asks for decisions until one's body matches; returns when, in µs. */
    private long await(String subject, String jurisdiction, Predicate<String> matches) {
        Map<String, Object> request = jurisdiction == null
                ? Map.of("subject", subject, "capability", CAPABILITY)
                : Map.of("subject", subject, "capability", CAPABILITY, "context", Map.of("jurisdiction", jurisdiction));
        long deadline = System.nanoTime() + GIVE_UP_NANOS;
        String last = null;
        while (System.nanoTime() < deadline) {
            String body = Http.send("POST", entitlement.resolve("/v1/decisions").toString(), gateway, request)
                    .expect(200)
                    .body();
            if (matches.test(body)) {
                return System.nanoTime() / 1000;
            }
            last = body;
            long until = System.nanoTime() + POLL_NANOS;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        }
        throw new IllegalStateException("no matching decision within 30 s for " + subject + "; last: " + last);
    }

    private static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).toString();
    }

    @Override
    public void close() {
        producer.close();
    }
}
