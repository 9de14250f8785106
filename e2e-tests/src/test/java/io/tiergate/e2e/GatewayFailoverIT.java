package io.tiergate.e2e;

import static io.tiergate.e2e.PlatformProcesses.ENTITLEMENT;
import static io.tiergate.e2e.Steps.FABLE_CHAT;
import static io.tiergate.e2e.Steps.decideAt;
import static io.tiergate.e2e.Steps.publicGrantOf;
import static io.tiergate.e2e.Steps.verify;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import io.tiergate.commons.testing.KeycloakTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * nginx (deploy/nginx/gateway.conf.template) in front of two entitlement-service instances, under a steady load of
 * model requests, while one instance is SIGKILLed: every request is still decided, by the other instance when the
 * killed one refuses or drops it (proxy_next_upstream). The figures are printed; the goal is no request answered
 * with anything but the ALLOW it is owed.
 */
class GatewayFailoverIT {

    static final String DOOMED = "entitlement-service-doomed";
    static final String KEY = "gw-key-failover-" + UUID.randomUUID();
    static final int CLIENTS = 8;
    /** Requests before the kill, and after it: enough that both instances took traffic, and the survivor alone. */
    static final int BEFORE = 400;

    static final int AFTER = 800;

    static String subject;
    static int doomedPort;
    static NginxGateway gateway;

    @BeforeAll
    static void startTwoInstancesBehindNginx() {
        NginxGateway.binary(); // fails, not skips, without nginx
        PlatformProcesses.ensureStarted();
        doomedPort = freePort();
        PlatformProcesses.startVariant(
                DOOMED,
                ENTITLEMENT,
                doomedPort,
                "entitlement",
                Map.of("TIERGATE_PROJECTION_CONSUMER_GROUP", "entitlement-service-e2e-doomed"));
        Steps.Customer customer = Steps.newCustomer("failover");
        subject = customer.subject();
        verify(customer.username(), List.of("DE"), "DE");
        publicGrantOf(subject);
        for (String instance : List.of(PlatformProcesses.url(ENTITLEMENT), "http://127.0.0.1:" + doomedPort)) {
            await(subject + " ALLOWed at " + instance)
                    .atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> {
                        Response answer = decideAt(instance, subject, FABLE_CHAT, "DE", null);
                        assertEquals("ALLOW", answer.path("decision"), answer.asString());
                    });
        }
        gateway = NginxGateway.start(
                "failover",
                List.of("127.0.0.1:" + PlatformProcesses.PORTS.get(ENTITLEMENT), "127.0.0.1:" + doomedPort),
                KeycloakTokens.gateway(),
                Map.of(KEY, subject));
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        PlatformProcesses.stop(DOOMED);
    }

    @Test
    void killingOneInstanceUnderLoadLosesNoRequest() throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(2))
                .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway.url() + "/fable-5/chat/completions"))
                .header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"messages\":[]}"))
                .build();
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger afterKill = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                while (running.get()) {
                    String outcome;
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        String decision = response.headers()
                                .firstValue("x-tiergate-decision")
                                .orElse("-");
                        outcome = response.statusCode() + " " + decision;
                    } catch (IOException e) {
                        outcome = "transport " + e.getClass().getSimpleName();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    outcomes.computeIfAbsent(outcome, o -> new LongAdder()).increment();
                    done.incrementAndGet();
                    if (killed.get()) {
                        afterKill.incrementAndGet();
                    }
                }
            });
        }
        long killedAt;
        try {
            await("requests before the kill").atMost(Duration.ofSeconds(60)).until(() -> done.get() >= BEFORE);
            long start = System.nanoTime();
            PlatformProcesses.kill(DOOMED);
            killed.set(true);
            killedAt = System.nanoTime() - start;
            await("requests after the kill").atMost(Duration.ofSeconds(60)).until(() -> afterKill.get() >= AFTER);
        } finally {
            running.set(false);
            clients.shutdown();
            assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS), "clients stopped");
        }
        Map<String, Long> counts = new TreeMap<>();
        outcomes.forEach((outcome, n) -> counts.put(outcome, n.sum()));
        long allowed = counts.getOrDefault("200 ALLOW", 0L);
        System.out.printf(
                "%nGATEWAY FAILOVER through nginx over two entitlement-service instances, %d clients: %d requests "
                        + "(%d after the SIGKILL, which took %.0f ms), outcomes %s; lost %d (goal 0)%n%n",
                CLIENTS, done.get(), afterKill.get(), killedAt / 1e6, counts, done.get() - allowed);
        assertEquals(Map.of("200 ALLOW", (long) done.get()), counts, "every request decided ALLOW");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
