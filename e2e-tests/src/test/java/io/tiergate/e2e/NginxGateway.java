package io.tiergate.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Debian's nginx running {@code deploy/nginx/gateway.conf.template} unprivileged in the foreground: its own prefix,
 * pid, logs and temp dirs under {@code e2e-tests/target/}, on free loopback ports, stopped by its process handle.
 */
final class NginxGateway implements AutoCloseable {

    private static final Path ROOT =
            Path.of(System.getProperty("tiergate.root", "..")).toAbsolutePath().normalize();
    private static final Path TEMPLATE = ROOT.resolve("deploy/nginx/gateway.conf.template");
    private static final List<String> SBIN = List.of("/usr/sbin", "/usr/local/sbin", "/sbin");

    private final Process process;
    private final int port;

    private NginxGateway(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Renders the template for these entitlement-service instances ({@code host:port} each), gateway token and API
     * keys (key → subject), and starts nginx; returns once it accepts connections.
     */
    static NginxGateway start(
            String name, List<String> entitlements, String gatewayToken, Map<String, String> apiKeys) {
        Path nginx = binary();
        Path prefix = ROOT.resolve("e2e-tests/target/nginx/" + name).toAbsolutePath();
        try {
            Files.createDirectories(prefix.resolve("temp"));
            Files.writeString(
                    prefix.resolve("gateway-token.conf"),
                    "proxy_set_header Authorization \"Bearer " + gatewayToken + "\";\n");
            Files.writeString(
                    prefix.resolve("api-keys.map"),
                    apiKeys.entrySet().stream()
                            .map(e -> "\"" + e.getKey() + "\" \"" + e.getValue() + "\";\n")
                            .collect(Collectors.joining()));
            Files.writeString(
                    prefix.resolve("entitlement-servers.conf"),
                    entitlements.stream()
                            .map(e -> "server " + e + " max_fails=1 fail_timeout=2s;\n")
                            .collect(Collectors.joining()));
            int port = freePort();
            int modelPort = freePort();
            Map<String, String> values = new LinkedHashMap<>();
            values.put("GATEWAY_PREFIX", prefix.toString());
            values.put("GATEWAY_LISTEN", "127.0.0.1:" + port);
            values.put("MODEL_LISTEN", "127.0.0.1:" + modelPort);
            values.put("MODEL_UPSTREAM", "127.0.0.1:" + modelPort);
            values.put(
                    "TIERGATE_ENTITLEMENT_SERVERS",
                    prefix.resolve("entitlement-servers.conf").toString());
            values.put(
                    "GATEWAY_TOKEN_FILE", prefix.resolve("gateway-token.conf").toString());
            values.put("GATEWAY_API_KEYS", prefix.resolve("api-keys.map").toString());
            Path config = prefix.resolve("gateway.conf");
            Files.writeString(config, render(Files.readString(TEMPLATE), values));
            Path log = prefix.resolve("nginx.out");
            Process process = new ProcessBuilder(
                            nginx.toString(), "-p", prefix + "/", "-c", config.toString(), "-e", "stderr")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            process.getOutputStream().close();
            NginxGateway gateway = new NginxGateway(process, port);
            try {
                await("nginx " + name + " listening on " + port)
                        .atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(50))
                        .until(() -> {
                            if (!process.isAlive()) {
                                throw new IllegalStateException("nginx exited: " + Files.readString(log));
                            }
                            return accepts(port);
                        });
            } catch (RuntimeException e) {
                gateway.close();
                throw e;
            }
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Only the template's own ${UPPER_CASE} placeholders: nginx's ${variables} stay as they are. */
    static String render(String template, Map<String, String> values) {
        String rendered = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            rendered = rendered.replace("${" + value.getKey() + "}", value.getValue());
        }
        return rendered;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM: nginx's fast shutdown
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Debian puts nginx in /usr/sbin, which a non-root PATH often lacks. CI installs it (.ci/run). */
    static Path binary() {
        Stream<String> path = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"));
        return Stream.concat(path, SBIN.stream())
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "nginx"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("nginx is not installed: the gateway tests need "
                        + "Debian's nginx (apt-get install nginx-light, or nginx; .ci/run installs it)"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
