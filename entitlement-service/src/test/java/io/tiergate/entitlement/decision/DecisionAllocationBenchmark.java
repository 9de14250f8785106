package io.tiergate.entitlement.decision;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.maxmind.db.CHMCache;
import com.maxmind.db.Reader;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.tiergate.commons.input.NulFreeStrings;
import io.tiergate.entitlement.campaign.ContainedAccounts;
import io.tiergate.entitlement.directive.ActiveDirectives;
import io.tiergate.entitlement.extauthz.ExtAuthzCheck;
import io.tiergate.entitlement.extauthz.ExtAuthzCheckAccess;
import io.tiergate.entitlement.jurisdiction.HostingNetworks;
import io.tiergate.entitlement.jurisdiction.IpCountries;
import io.tiergate.entitlement.jurisdiction.RequestOrigin;
import io.tiergate.entitlement.jurisdiction.RequestOrigins;
import io.tiergate.entitlement.policy.CapabilityPolicy;
import io.tiergate.entitlement.policy.Entitlement;
import io.tiergate.entitlement.policy.PolicyStore;
import io.tiergate.entitlement.projection.ProjectionFreshness;
import io.tiergate.entitlement.projection.SubjectProjection;
import io.tiergate.entitlement.projection.SubjectState;
import io.tiergate.entitlement.support.TestCountryDatabase;
import io.tiergate.entitlement.usage.UsageLedger;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

/**
 * Bytes allocated per ALLOW decision, in process, no infrastructure; a benchmark, not a test (surefire runs it only
 * when asked):
 * {@code ./mvnw -B -o test -pl entitlement-service -Dtest=DecisionAllocationBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} (add {@code -Dbench.decisions=N} to change the 200,000).
 *
 * <p>The decision service is wired by hand: a projection of 10,000 verified subjects, a policy shaped like the
 * benchmark's (tier lists, nationality and jurisdiction deny lists, mismatch and hosting networks DENY, a maximum
 * verification age, an obligation), the GeoIP country database and ASN ranges of the tests, a Prometheus registry and
 * the decision-event writer's ALLOW aggregates. Each stage runs the same ALLOW requests after a warm-up and reports
 * bytes per decision from {@code ThreadMXBean.getThreadAllocatedBytes} (exact, this thread) and from a JFR recording
 * of {@code jdk.ObjectAllocationSample} (summed weight, this thread), with the frames that allocate most. What it
 * cannot drive in process: Vert.x, RESTEasy Reactive's request handling and OIDC; the JSON stage reads the request
 * body and writes the response with Jackson as RESTEasy Reactive's Jackson provider does.
 */
class DecisionAllocationBenchmark {

    static final int SUBJECTS = 10_000;
    static final String CAPABILITY = "mythos-5:chat";
    static final Set<String> CONCERN = Set.of("CN", "RU", "BY", "IR", "KP", "SY", "CU");

    final int decisions = Integer.getInteger("bench.decisions", 200_000);
    final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void bytesPerAllowDecision() throws Exception {
        Path dir = Files.createTempDirectory("tiergate-alloc-bench");
        Path countries = dir.resolve("country.mmdb");
        TestCountryDatabase.write(countries, TestCountryDatabase.NETWORKS);

        DecisionService service = service(countries);
        ObjectMapper json = new ObjectMapper()
                .findAndRegisterModules()
                .registerModule(NulFreeStrings.module())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
        ObjectReader reader = json.readerFor(DecisionRequest.class);
        ObjectWriter writer = json.writer();
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        // what the resource's @Valid @NotNull parameter cost before it was validated by hand
        Method validated = BeanValidated.class.getMethod("decide", DecisionRequest.class);
        BeanValidated beanValidated = new BeanValidated();

        List<byte[]> bodies = new ArrayList<>();
        List<DecisionRequest> requests = new ArrayList<>();
        for (int i = 0; i < SUBJECTS; i++) {
            String body = "{\"subject\":\"" + subject(i) + "\",\"capability\":\"" + CAPABILITY
                    + "\",\"context\":{\"jurisdiction\":\"us\",\"clientIp\":\"203.0.113." + (i % 250 + 1) + "\"}}";
            bodies.add(body.getBytes(StandardCharsets.UTF_8));
            requests.add(reader.readValue(bodies.get(i)));
        }
        ByteArrayOutputStream sink = new ByteArrayOutputStream(4096);
        Decision sample = service.decide(requests.get(0));
        if (!sample.allowed()) {
            throw new IllegalStateException("the benchmark's requests must be ALLOWs: " + sample);
        }
        writer.writeValue(sink, sample);
        System.out.println("response: " + sink.toString(StandardCharsets.UTF_8));

        RequestOrigins origins = service.origins;
        DecisionEngine engine = service.engine;
        CapabilityPolicy policy = service.policies.current();
        SubjectProjection projection = service.projection;
        ExtAuthzCheck extAuthz = extAuthz(service);

        Map<String, IntConsumer> stages = new LinkedHashMap<>();
        stages.put("engine.evaluate (origin prepared)", new IntConsumer() {
            final RequestOrigin origin = new RequestOrigin("US", "US", false, null);

            @Override
            public void accept(int i) {
                DecisionRequest r = requests.get(i % SUBJECTS);
                if (!engine.evaluate(policy, projection.get(r.subject()), r.capability(), origin, OffsetDateTime.now())
                        .allowed()) {
                    throw new IllegalStateException("not an ALLOW");
                }
            }
        });
        stages.put("origin (client IP: parse, GeoIP, ASN)", i -> {
            DecisionRequest r = requests.get(i % SUBJECTS);
            origins.of(r.jurisdiction(), r.clientIp());
        });
        List<DecisionRequest> unseen = new ArrayList<>();
        for (int i = 0; i < 65_536; i++) { // 198.18.0.0/16 (US): more addresses than RequestOrigins keeps
            unseen.add(new DecisionRequest(
                    subject(i % SUBJECTS),
                    CAPABILITY,
                    new DecisionRequest.Context("US", "198.18." + (i >> 8) + "." + (i & 0xff)),
                    null));
        }
        stages.put("origin, every client IP unseen lately (65,536 of them)", i -> {
            DecisionRequest r = unseen.get(i % unseen.size());
            origins.of(r.jurisdiction(), r.clientIp());
        });
        stages.put(
                "DecisionService.decide, every client IP unseen lately",
                i -> allow(service.decide(unseen.get(i % unseen.size()))));
        stages.put("DecisionService.decide", i -> allow(service.decide(requests.get(i % SUBJECTS))));
        stages.put("validation by hand (DecisionRequestCheck, as the resource does it)", i -> {
            DecisionRequestCheck.require(requests.get(i % SUBJECTS));
        });
        stages.put("Bean Validation of the request (before: the resource's @Valid)", i -> {
            if (!validator
                    .forExecutables()
                    .validateParameters(beanValidated, validated, new Object[] {requests.get(i % SUBJECTS)})
                    .isEmpty()) {
                throw new IllegalStateException("invalid");
            }
        });
        stages.put("response JSON (Jackson, as before)", i -> {
            sink.reset();
            try {
                writer.writeValue(sink, sample);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        stages.put("response JSON (DecisionJsonWriter: by hand, reused buffer)", i -> {
            sink.reset();
            DecisionJson.Buffer buffer = DecisionJson.buffer();
            if (!DecisionJson.encode(sample, buffer)) {
                throw new IllegalStateException("left to Jackson");
            }
            sink.write(buffer.bytes, 0, buffer.size);
        });
        stages.put("POST /v1/decisions in process: read, validate, decide, write", i -> {
            try {
                DecisionRequest r = reader.readValue(bodies.get(i % SUBJECTS));
                DecisionRequestCheck.require(r);
                Decision d = allow(service.decide(r));
                sink.reset();
                DecisionJson.Buffer buffer = DecisionJson.buffer();
                if (!DecisionJson.encode(d, buffer)) {
                    throw new IllegalStateException("left to Jackson");
                }
                sink.write(buffer.bytes, 0, buffer.size);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        stages.put("ext-authz check (headers in, headers out)", new IntConsumer() {
            final Map<String, String> headers = new HashMap<>(Map.of("x-tiergate-jurisdiction", "US"));

            @Override
            public void accept(int i) {
                DecisionRequest r = requests.get(i % SUBJECTS);
                Decision d =
                        allow(extAuthz.decide(r.subject(), "/mythos-5/chat/completions", headers::get, r.clientIp()));
                ExtAuthzCheckAccess.headers(d);
            }
        });

        System.out.printf(
                "%n%,d ALLOW decisions per stage after %,d of warm-up, %d subjects, Java %s, %s%n",
                decisions,
                decisions,
                SUBJECTS,
                Runtime.version(),
                ManagementFactory.getRuntimeMXBean().getVmName());
        System.out.printf("%-64s %14s %14s%n", "stage", "MXBean B/dec", "JFR B/dec");
        Map<String, List<Map.Entry<String, Double>>> frames = new LinkedHashMap<>();
        for (var stage : stages.entrySet()) {
            for (int i = 0; i < decisions; i++) {
                stage.getValue().accept(i);
            }
            Measured measured = measure(stage.getValue(), dir.resolve("stage.jfr"));
            System.out.printf("%-64s %,14.0f %,14.0f%n", stage.getKey(), measured.exact(), measured.sampled());
            frames.put(stage.getKey(), measured.topFrames());
        }
        for (var stage : frames.entrySet()) {
            System.out.printf("%nTop allocating frames (JFR, B/decision), %s:%n", stage.getKey());
            for (var frame : stage.getValue()) {
                System.out.printf("  %,8.0f  %s%n", frame.getValue(), frame.getKey());
            }
        }
    }

    /** The decision resource's method as it was declared before, for Bean Validation's executable validation. */
    public static class BeanValidated {
        public Decision decide(
                @jakarta.validation.Valid @jakarta.validation.constraints.NotNull DecisionRequest request) {
            return null;
        }
    }

    record Measured(double exact, double sampled, List<Map.Entry<String, Double>> topFrames) {}

    private Measured measure(IntConsumer stage, Path file) throws Exception {
        long thread = Thread.currentThread().getId();
        try (Recording recording = new Recording()) {
            recording
                    .enable("jdk.ObjectAllocationSample")
                    .with("throttle", "20000/s")
                    .withStackTrace();
            recording.start();
            long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < decisions; i++) {
                stage.accept(i);
            }
            long after = threads.getThreadAllocatedBytes(thread);
            recording.stop();
            recording.dump(file);
            double sampled = 0;
            Map<String, Double> byFrame = new HashMap<>();
            List<RecordedEvent> events = new ArrayList<>(RecordingFile.readAllEvents(file));
            events.removeIf(e -> e.getThread() == null || e.getThread().getJavaThreadId() != thread);
            events.sort(java.util.Comparator.comparing(RecordedEvent::getStartTime));
            // the first sample's weight is everything since the thread's previous sample: the warm-up, not this run
            for (RecordedEvent event : events.subList(Math.min(1, events.size()), events.size())) {
                long weight = event.getLong("weight");
                sampled += weight;
                byFrame.merge(frameOf(event), (double) weight, Double::sum);
            }
            List<Map.Entry<String, Double>> top = byFrame.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .limit(12)
                    .map(e -> Map.entry(e.getKey(), e.getValue() / decisions))
                    .toList();
            return new Measured((after - before) / (double) decisions, sampled / decisions, top);
        }
    }

    /** The allocated class, its allocating frame and the first frame of this project's code above it. */
    private static String frameOf(RecordedEvent event) {
        String type = event.getClass("objectClass").getName();
        if (event.getStackTrace() == null || event.getStackTrace().getFrames().isEmpty()) {
            return type;
        }
        List<RecordedFrame> stack = event.getStackTrace().getFrames();
        RecordedFrame top = stack.get(0);
        String ours = "";
        for (RecordedFrame frame : stack) {
            String owner = frame.getMethod().getType().getName();
            if (owner.startsWith("io.tiergate") && !owner.contains("AllocationBenchmark")) {
                ours = " <- " + simple(owner) + "." + frame.getMethod().getName() + ":" + frame.getLineNumber();
                break;
            }
        }
        return type + " @ " + simple(top.getMethod().getType().getName()) + "."
                + top.getMethod().getName() + ours;
    }

    private static String simple(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static Decision allow(Decision decision) {
        if (!decision.allowed()) {
            throw new IllegalStateException("not an ALLOW: " + decision);
        }
        return decision;
    }

    static String subject(int i) {
        return "bench-subject-" + i + "-0000-0000-000000000000";
    }

    private DecisionService service(Path countryDatabase) throws Exception {
        DecisionsConfig config = config();
        Entitlement research = new Entitlement(
                Set.of("RESEARCH", "GOVERNMENT"),
                Set.of(),
                CONCERN,
                Set.of(),
                CONCERN,
                Set.of(),
                Set.of(),
                Duration.ofDays(365 * 3),
                Entitlement.Rule.DENY,
                Entitlement.Rule.DENY,
                List.of("structured-output-only"),
                List.of());
        Entitlement enterprise = new Entitlement(
                Set.of("ENTERPRISE"),
                Set.of(),
                CONCERN,
                Set.of(),
                CONCERN,
                Set.of(),
                Set.of(),
                null,
                Entitlement.Rule.DENY,
                Entitlement.Rule.DENY,
                List.of(),
                List.of());
        Map<String, List<Entitlement>> capabilities = new HashMap<>();
        capabilities.put(CAPABILITY, List.of(research, enterprise));
        for (int c = 0; c < 49; c++) {
            capabilities.put("model-" + c % 5 + ":feature-" + c, List.of(enterprise));
        }
        CapabilityPolicy policy = new CapabilityPolicy("bench-2026-12-04.1", capabilities);

        DecisionService service = new DecisionService();
        SubjectProjection projection = new SubjectProjection();
        @SuppressWarnings("unchecked")
        Map<String, SubjectState> states = (Map<String, SubjectState>) get(projection, "states");
        OffsetDateTime verified = OffsetDateTime.now(ZoneOffset.UTC).minusDays(30);
        for (int i = 0; i < SUBJECTS; i++) {
            String id = subject(i);
            Map<String, Long> versions = new LinkedHashMap<>();
            versions.put(SubjectProjection.IDENTITY_SOURCE, 1L);
            versions.put(SubjectProjection.TIER_SOURCE, 2L);
            states.put(
                    id,
                    SubjectState.of(
                            id,
                            SubjectState.VERIFIED,
                            Set.of(i % 3 == 0 ? "DE" : "US"),
                            i % 3 == 0 ? "DE" : "US",
                            verified,
                            Map.of("grant-" + i, i % 2 == 0 ? "RESEARCH" : "GOVERNMENT"),
                            Map.of(),
                            versions));
        }
        service.projection = projection;
        service.policies = new PolicyStore() {
            @Override
            public CapabilityPolicy current() {
                return policy;
            }
        };
        service.engine = new DecisionEngine();
        service.directives = new ActiveDirectives();
        ProjectionFreshness freshness = new ProjectionFreshness();
        set(freshness, "config", config);
        service.freshness = freshness;
        RequestOrigins origins = new RequestOrigins();
        IpCountries ipCountries = new IpCountries();
        set(ipCountries, "reader", new Reader(new File(countryDatabase.toString()), new CHMCache()));
        HostingNetworks hosting = new HostingNetworks();
        Method load = HostingNetworks.class.getDeclaredMethod("load", List.class, Set.class);
        load.setAccessible(true);
        load.invoke(
                hosting,
                List.of("src/test/resources/geoip/asn-ipv4-num.csv"),
                Set.of(64496L)); // 198.51.100.0/24: none of the requests
        set(origins, "countries", ipCountries);
        set(origins, "hosting", hosting);
        service.origins = origins;
        service.usage = new UsageLedger();
        service.contained = new ContainedAccounts();
        DecisionEventWriter events = new DecisionEventWriter();
        events.config = config;
        events.init();
        service.events = events;
        service.meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        service.config = config;
        return service;
    }

    private static ExtAuthzCheck extAuthz(DecisionService service) throws Exception {
        ExtAuthzCheck check = new ExtAuthzCheck();
        set(check, "decisions", service);
        return check;
    }

    private static DecisionsConfig config() {
        DecisionsConfig.Events events = new DecisionsConfig.Events() {
            @Override
            public int queueCapacity() {
                return 100_000;
            }

            @Override
            public int batchSize() {
                return 500;
            }

            @Override
            public Duration allowWindow() {
                return Duration.ofMinutes(1);
            }
        };
        return new DecisionsConfig() {
            @Override
            public Duration consistencyWait() {
                return Duration.ofSeconds(2);
            }

            @Override
            public Duration stalenessBound() {
                return Duration.ofHours(1000); // the projection has no consumers here
            }

            @Override
            public Events events() {
                return events;
            }
        };
    }

    private static Object get(Object bean, String name) throws Exception {
        Field field = bean.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(bean);
    }

    private static void set(Object bean, String name, Object value) throws Exception {
        Field field = bean.getClass().getDeclaredField(name);
        field.setAccessible(true);
        field.set(bean, value);
    }
}
