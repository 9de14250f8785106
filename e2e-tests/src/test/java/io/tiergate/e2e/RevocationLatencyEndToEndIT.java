package io.tiergate.e2e;

import static io.tiergate.e2e.Steps.FABLE_CHAT;
import static io.tiergate.e2e.Steps.decide;
import static io.tiergate.e2e.Steps.expect;
import static io.tiergate.e2e.Steps.grant;
import static io.tiergate.e2e.Steps.publicGrantOf;
import static io.tiergate.e2e.Steps.revoke;
import static io.tiergate.e2e.Steps.verify;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 100 revocations in tier-service, each followed by the decision a gateway asks with the revocation's consistency
 * token: every one must answer DENY, and the time from the revoke call to that answer is printed (p50, p99, max).
 */
class RevocationLatencyEndToEndIT {

    static final int REVOCATIONS = 100;

    @BeforeAll
    static void startServices() {
        PlatformProcesses.ensureStarted();
    }

    @Test
    void everyRevocationIsADenyAtTheDecisionApi() {
        Steps.Customer customer = Steps.newCustomer("revocation");
        String subject = customer.subject();
        String identity = verify(customer.username(), List.of("DE"), "DE");
        String grant = publicGrantOf(subject);
        // The decision service learns of the verdict from Kafka: start once it has.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> decide(subject, FABLE_CHAT, "DE", identity), r -> "ALLOW".equals(r.path("decision")));
        double[] millis = new double[REVOCATIONS];
        for (int i = 0; i < REVOCATIONS; i++) {
            long start = System.nanoTime();
            Response revocation = revoke(grant);
            revocation.then().statusCode(200).body("status", equalTo("REVOKED"));
            Response denied = decide(subject, FABLE_CHAT, "DE", revocation.path("consistencyToken"));
            millis[i] = (System.nanoTime() - start) / 1e6;
            expect(denied, "DENY", "NO_ACTIVE_TIER");

            Response granted = grant(subject, "PUBLIC");
            granted.then().statusCode(201);
            grant = granted.path("id");
            expect(
                    decide(subject, FABLE_CHAT, "DE", identity + "," + granted.path("consistencyToken")),
                    "ALLOW",
                    "ENTITLED");
        }
        Arrays.sort(millis);
        System.out.printf(
                "%nREVOCATION-TO-DENY over %d revocations (revoke call + decision with its token): "
                        + "p50 %.1f ms, p99 %.1f ms, max %.1f ms (goal: p99 <= 1000 ms)%n%n",
                REVOCATIONS,
                millis[REVOCATIONS / 2],
                millis[(int) Math.ceil(REVOCATIONS * 0.99) - 1],
                millis[REVOCATIONS - 1]);
    }
}
