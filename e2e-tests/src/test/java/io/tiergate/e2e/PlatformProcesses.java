package io.tiergate.e2e;

import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import io.tiergate.commons.testing.KeycloakTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Starts the four packaged services as separate JVMs against the test infrastructure (ports 1808x),
 * once for all end-to-end tests, waits on their readiness checks, and stops them by process handle.
 * Tests may stop and start a service, or the launcher's Kafka, to prove that a fault loses nothing.
 */
public final class PlatformProcesses {

    static final String IDENTITY = "identity-service";
    static final String TIER = "tier-service";
    static final String ENTITLEMENT = "entitlement-service";
    public static final String AUDIT = "audit-service";
    static final List<String> SERVICES = List.of(IDENTITY, TIER, ENTITLEMENT, AUDIT);
    static final Map<String, Integer> PORTS = Map.of(
            IDENTITY,
            Ports.test(IDENTITY),
            TIER,
            Ports.test(TIER),
            ENTITLEMENT,
            Ports.test(ENTITLEMENT),
            AUDIT,
            Ports.test(AUDIT));
    static final Map<String, String> DATABASES =
            Map.of(IDENTITY, "identity", TIER, "tier", ENTITLEMENT, "entitlement", AUDIT, "audit");

    static final Path ROOT =
            Path.of(System.getProperty("tiergate.root", "..")).toAbsolutePath().normalize();
    static final String CAMPAIGN = "campaign-service";
    static final int CAMPAIGN_PORT = Ports.test(CAMPAIGN);

    private static final Map<String, Process> RUNNING = new ConcurrentHashMap<>();
    private static boolean started;
    private static boolean campaignStarted;
    private static boolean stopsAtExit;
    /** Environment the four services were started with beyond the usual (tracing on, for one). */
    private static Map<String, String> platformEnv = Map.of();

    private PlatformProcesses() {}

    static String url(String service) {
        return "http://127.0.0.1:" + PORTS.get(service);
    }

    /** Starts every service the first time it is called; later calls find them running. */
    static synchronized void ensureStarted() {
        ensureStarted(Map.of());
    }

    /**
     * Runs the four services with this environment added to the usual (each suite gets the platform it asks for):
     * started the first time, found running when they already run with it, restarted when they run with another.
     */
    static synchronized void ensureStarted(Map<String, String> extraEnv) {
        if (started && platformEnv.equals(extraEnv)) {
            return;
        }
        if (!stopsAtExit) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                SERVICES.forEach(PlatformProcesses::stop);
                stop(CAMPAIGN);
            }));
            stopsAtExit = true;
        }
        if (started) {
            SERVICES.forEach(PlatformProcesses::stop);
            started = false;
        }
        platformEnv = Map.copyOf(extraEnv);
        SERVICES.forEach(PlatformProcesses::launch);
        SERVICES.forEach(PlatformProcesses::awaitReady);
        started = true;
    }

    /**
     * The thread's four services do not need campaign-service; suites that cover every service start it once here, as
     * the launcher starts it, with the test profile's pseudonym key and a state directory of their own, and stop it
     * after them ({@link #stopCampaign}): the console's suite proves how the console reads without it.
     */
    static synchronized String ensureCampaignStarted() {
        ensureStarted();
        if (!campaignStarted) {
            startVariant(
                    CAMPAIGN,
                    CAMPAIGN,
                    CAMPAIGN_PORT,
                    "campaign",
                    Map.of(
                            "TIERGATE_CAMPAIGN_PSEUDONYM_KEY", "test-only-pseudonym-key",
                            "KAFKA_STREAMS_STATE_DIR",
                                    ROOT.resolve("e2e-tests/target/e2e-campaign-streams")
                                            .toString(),
                            "QUARKUS_KAFKA_STREAMS_APPLICATION_ID", "campaign-service-e2e"));
            campaignStarted = true;
        }
        return "http://127.0.0.1:" + CAMPAIGN_PORT;
    }

    static synchronized void stopCampaign() {
        stop(CAMPAIGN);
        campaignStarted = false;
    }

    /** Every service's base URL: the thread's four and campaign-service. */
    static Map<String, String> everyServiceUrl() {
        String campaign = ensureCampaignStarted();
        Map<String, String> urls = new java.util.LinkedHashMap<>();
        for (String service : SERVICES) {
            urls.put(service, url(service));
        }
        urls.put(CAMPAIGN, campaign);
        return urls;
    }

    public static void stop(String service) {
        Process process = RUNNING.remove(service);
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** SIGKILL, as a crashed host would end it: no shutdown hooks, in-flight requests cut. */
    public static void kill(String name) {
        Process process = RUNNING.remove(name);
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void start(String service) {
        launch(service);
        awaitReady(service);
    }

    /** Stops or starts one infrastructure component through the launcher, as an operator would. */
    static void infrastructure(String component, String action) {
        try {
            ProcessBuilder builder = new ProcessBuilder(
                            ROOT.resolve("deploy/tiergate").toString(), "component", component, action)
                    .inheritIO();
            builder.environment().put("TIERGATE_ENV", "test");
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("deploy/tiergate component " + component + " " + action + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void launch(String service) {
        launch(service, service, PORTS.get(service), DATABASES.get(service), platformEnv);
    }

    /** Starts a service under another name, port and database, with extra environment (benchmarks). */
    public static void startVariant(
            String name, String service, int port, String database, Map<String, String> extraEnv) {
        launch(name, service, port, database, extraEnv);
        awaitReady(name, port);
    }

    /**
     * The packaged services run in the prod profile, which has no keys: each gets the test profile's (fixed, so that
     * a restarted service reads what it wrote before, and public, like the test realm's client secret).
     */
    static final Map<String, Map<String, String>> TEST_KEYS = Map.of(
            "identity-service",
                    Map.of(
                            "TIERGATE_IDENTITY_PII_KEY", "q3Jv2m8Yx1Zb6Lk0Tn4Rw7Pd9Sf5Hc2Ue8Ga1Mj3Vo4=",
                            "TIERGATE_IDENTITY_FINGERPRINT_KEY", "Zk3pW8sN2vQ5xT1bR7mY4cL9hJ6dF0gA2eU5iO8kP3w="),
            "audit-service",
                    Map.of(
                            "TIERGATE_AUDIT_KEY_ENCRYPTION_KEY", "7fM6m4Zr0cJ0a1ZkqS9rT2vXw8yB3nE5hG6jK7lP9Qs=",
                            "TIERGATE_AUDIT_SIGNING_KEY",
                                    "MC4CAQAwBQYDK2VwBCIEIAvyXqtBYU0WtL9wHiVoRVszAseXaibXslkdcgslPcHB",
                            "TIERGATE_AUDIT_PUBLIC_KEY",
                                    "MCowBQYDK2VwAyEAWFKNEh47khUNZFTyGXJG7GZDTYRRbWlhUHIGqa94vfI="),
            "tier-service", Map.of("TIERGATE_TIER_KEYCLOAK_CLIENT_SECRET", "tier-service-secret"));

    private static void launch(String name, String service, int port, String database, Map<String, String> extraEnv) {
        try {
            Path logs = ROOT.resolve("e2e-tests/target/e2e-logs");
            Files.createDirectories(logs);
            Path jar = ROOT.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(service + " is not packaged: " + jar);
            }
            ProcessBuilder builder = new ProcessBuilder("java", "-Xmx256m", "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            logs.resolve(name + ".log").toFile()));
            Map<String, String> env = builder.environment();
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            env.put(
                    "QUARKUS_DATASOURCE_JDBC_URL",
                    "jdbc:postgresql://127.0.0.1:" + Ports.test("postgres") + "/" + database);
            env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + Ports.test("kafka"));
            env.put("QUARKUS_OIDC_AUTH_SERVER_URL", KeycloakTokens.keycloakUrl() + "/realms/tiergate");
            // Every test user signs up from 127.0.0.1: the per-address submission limit is for real clients.
            env.put("TIERGATE_ABUSE_PER_ACCOUNT", "1000");
            env.put("TIERGATE_ABUSE_PER_IP", "1000");
            // The thread stops Kafka on purpose; staleness itself is covered by entitlement-service's StalenessIT.
            env.put("TIERGATE_DECISIONS_STALENESS_BOUND", "PT60S");
            // ALLOWs are counted per window (a minute in production); short here so the trail shows them soon.
            env.put("TIERGATE_DECISIONS_EVENTS_ALLOW_WINDOW", "PT2S");
            env.putAll(TEST_KEYS.getOrDefault(service, Map.of()));
            env.putAll(extraEnv);
            RUNNING.put(name, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitReady(String service) {
        awaitReady(service, PORTS.get(service));
    }

    private static void awaitReady(String name, int port) {
        await(name + " ready")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> RestAssured.get("http://127.0.0.1:" + port + "/q/health/ready")
                                .statusCode()
                        == 200);
    }
}
