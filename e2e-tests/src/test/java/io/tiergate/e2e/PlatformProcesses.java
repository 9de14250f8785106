package io.tiergate.e2e;

import io.restassured.RestAssured;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * Starts the four packaged services as separate JVMs against the test infrastructure (ports 1808x),
 * waits on their readiness checks, and stops them by process handle.
 */
final class PlatformProcesses implements AutoCloseable {

    static final String IDENTITY = "identity-service";
    static final String TIER = "tier-service";
    static final String ENTITLEMENT = "entitlement-service";
    static final String AUDIT = "audit-service";
    static final Map<String, Integer> PORTS = Map.of(IDENTITY, 18081, TIER, 18082, ENTITLEMENT, 18083, AUDIT, 18084);
    static final Map<String, String> DATABASES = Map.of(IDENTITY, "identity", TIER, "tier", ENTITLEMENT, "entitlement",
            AUDIT, "audit");

    private final List<Process> processes = new ArrayList<>();

    static String url(String service) {
        return "http://127.0.0.1:" + PORTS.get(service);
    }

    static PlatformProcesses start() throws IOException {
        Path root = Path.of(System.getProperty("tiergate.root", "..")).toAbsolutePath().normalize();
        Path logs = root.resolve("e2e-tests/target/e2e-logs");
        Files.createDirectories(logs);
        PlatformProcesses platform = new PlatformProcesses();
        for (String service : List.of(IDENTITY, TIER, ENTITLEMENT, AUDIT)) {
            Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(service + " is not packaged: " + jar);
            }
            ProcessBuilder builder = new ProcessBuilder("java", "-Xmx256m", "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(logs.resolve(service + ".log").toFile());
            Map<String, String> env = builder.environment();
            env.put("QUARKUS_HTTP_PORT", String.valueOf(PORTS.get(service)));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:25432/" + DATABASES.get(service));
            env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092");
            env.put("QUARKUS_OIDC_AUTH_SERVER_URL", "http://127.0.0.1:18180/realms/tiergate");
            platform.processes.add(builder.start());
        }
        for (String service : PORTS.keySet()) {
            await(service + " ready").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .until(() -> RestAssured.get(url(service) + "/q/health/ready").statusCode() == 200);
        }
        return platform;
    }

    @Override
    public void close() {
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
