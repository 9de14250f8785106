package io.tiergate.e2e;

import static io.tiergate.e2e.PlatformProcesses.ENTITLEMENT;
import static io.tiergate.e2e.Steps.FABLE_CHAT;
import static io.tiergate.e2e.Steps.decideAt;
import static io.tiergate.e2e.Steps.expect;
import static io.tiergate.e2e.Steps.grant;
import static io.tiergate.e2e.Steps.publicGrantOf;
import static io.tiergate.e2e.Steps.revoke;
import static io.tiergate.e2e.Steps.verify;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two entitlement-service instances on one database, as replicas run: each holds the whole projection (its own
 * consumer group), so any instance decides for any subject, and a revocation reaches both. The time from the revoke
 * call to each instance's DENY is printed (goal: within 1 s on both).
 */
class ReplicasEndToEndIT {

    static final String SECOND = "entitlement-service-2";
    static final int SUBJECTS = 8;
    static final int REVOCATIONS = 30;

    static String first;
    static String second;

    @BeforeAll
    static void startTwoInstances() {
        PlatformProcesses.ensureStarted();
        first = PlatformProcesses.url(ENTITLEMENT);
        int port = freePort();
        PlatformProcesses.startVariant(
                SECOND,
                ENTITLEMENT,
                port,
                "entitlement",
                Map.of("TIERGATE_PROJECTION_CONSUMER_GROUP", "entitlement-service-e2e-2"));
        second = "http://127.0.0.1:" + port;
    }

    @AfterAll
    static void stopSecond() {
        PlatformProcesses.stop(SECOND);
    }

    @Test
    void eitherInstanceDecidesForEverySubject() {
        // Subjects spread over the topics' partitions: an instance that shared a consumer group with the other would
        // know only its own partitions' subjects, and call the rest UNKNOWN_SUBJECT.
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < SUBJECTS; i++) {
            Steps.Customer customer = Steps.newCustomer("replica");
            verify(customer.username(), List.of("DE"), "DE");
            publicGrantOf(customer.subject());
            subjects.add(customer.subject());
        }
        for (String instance : List.of(first, second)) {
            for (String subject : subjects) {
                awaitVerdict(instance, subject, null, "ALLOW");
            }
        }
    }

    @Test
    void aRevocationReachesBothInstances() {
        Steps.Customer customer = Steps.newCustomer("replica-revocation");
        String subject = customer.subject();
        String identity = verify(customer.username(), List.of("DE"), "DE");
        String grant = publicGrantOf(subject);
        for (String instance : List.of(first, second)) {
            awaitVerdict(instance, subject, identity, "ALLOW");
        }
        double[][] millis = new double[2][REVOCATIONS];
        for (int i = 0; i < REVOCATIONS; i++) {
            long start = System.nanoTime();
            Response revocation = revoke(grant);
            revocation.then().statusCode(200).body("status", equalTo("REVOKED"));
            String token = revocation.path("consistencyToken");
            // Both at once: each waits (at most its consistency wait) until it has applied the revocation.
            CompletableFuture<Double> atFirst = deniedAfter(first, subject, token, start);
            CompletableFuture<Double> atSecond = deniedAfter(second, subject, token, start);
            millis[0][i] = atFirst.join();
            millis[1][i] = atSecond.join();

            Response granted = grant(subject, "PUBLIC");
            granted.then().statusCode(201);
            grant = granted.path("id");
            String both = identity + "," + granted.path("consistencyToken");
            expect(decideAt(first, subject, FABLE_CHAT, "DE", both), "ALLOW", "ENTITLED");
            expect(decideAt(second, subject, FABLE_CHAT, "DE", both), "ALLOW", "ENTITLED");
        }
        // Without a token too, the second instance's memory has the last state.
        revoke(grant).then().statusCode(200);
        awaitVerdict(second, subject, null, "DENY");
        System.out.printf(
                "%nREVOCATION TO BOTH INSTANCES over %d revocations (revoke call to each instance's DENY): "
                        + "first %s, second %s (goal: <= 1000 ms on both)%n%n",
                REVOCATIONS, percentiles(millis[0]), percentiles(millis[1]));
    }

    /** Waits until the instance answers the verdict; a timeout shows the last answer. */
    private static void awaitVerdict(String instance, String subject, String token, String verdict) {
        await(subject + " " + verdict + " at " + instance)
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> {
                    Response answer = decideAt(instance, subject, FABLE_CHAT, "DE", token);
                    assertEquals(verdict, answer.path("decision"), answer.asString());
                });
    }

    private static CompletableFuture<Double> deniedAfter(String instance, String subject, String token, long start) {
        return CompletableFuture.supplyAsync(() -> {
            Response denied = decideAt(instance, subject, FABLE_CHAT, "DE", token);
            double elapsed = (System.nanoTime() - start) / 1e6;
            expect(denied, "DENY", "NO_ACTIVE_TIER");
            return elapsed;
        });
    }

    private static String percentiles(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return String.format(
                "p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                sorted[sorted.length / 2],
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1],
                sorted[sorted.length - 1]);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
