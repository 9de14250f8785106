package io.tiergate.e2e;

import static io.restassured.RestAssured.given;
import static io.tiergate.e2e.PlatformProcesses.ENTITLEMENT;
import static io.tiergate.e2e.PlatformProcesses.IDENTITY;
import static io.tiergate.e2e.PlatformProcesses.url;
import static io.tiergate.e2e.Steps.FABLE_CHAT;
import static io.tiergate.e2e.Steps.auditTrail;
import static io.tiergate.e2e.Steps.decide;
import static io.tiergate.e2e.Steps.expect;
import static io.tiergate.e2e.Steps.publicGrantOf;
import static io.tiergate.e2e.Steps.revoke;
import static io.tiergate.e2e.Steps.verify;
import static org.awaitility.Awaitility.await;

import io.restassured.response.Response;
import io.tiergate.commons.testing.KeycloakTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Faults lose nothing: events wait in the outbox while Kafka is away, and a restarted service catches up. */
class FaultToleranceEndToEndIT {

    @BeforeAll
    static void startServices() {
        PlatformProcesses.ensureStarted();
    }

    static double pendingOutboxRows(String service) {
        String metrics = given().when()
                .get(url(service) + "/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return metrics.lines()
                .filter(line -> line.startsWith("tiergate_outbox_pending"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(-1);
    }

    @Test
    void writesCommitWhileKafkaIsDownAndTheirEventsFlowWhenItReturns() {
        Steps.Customer customer = Steps.newCustomer("fault-outbox");
        PlatformProcesses.infrastructure("kafka", "stop");
        String caseId;
        try {
            Response verification = given().auth()
                    .oauth2(KeycloakTokens.user(customer.username()))
                    .contentType("application/json")
                    .body(Map.of(
                            "givenName",
                            "Alice",
                            "familyName",
                            "Example",
                            "dateOfBirth",
                            "1988-02-29",
                            "nationalities",
                            List.of("US"),
                            "residenceCountry",
                            "US"))
                    .when()
                    .post(url(IDENTITY) + "/v1/verifications");
            verification.then().statusCode(201);
            caseId = verification.path("id");
            await("the verdict waits in the outbox")
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> pendingOutboxRows(IDENTITY) >= 1);
        } finally {
            PlatformProcesses.infrastructure("kafka", "start");
        }
        await("the verdict reaches the audit trail once Kafka is back")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> auditTrail(customer.subject())
                        .<List<String>>path("event.data.caseId")
                        .contains(caseId));
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingOutboxRows(IDENTITY) == 0);
    }

    @Test
    void aRevocationMadeWhileTheDecisionServiceIsDownIsEnforcedAfterItsRestart() {
        Steps.Customer customer = Steps.newCustomer("fault-restart");
        String subject = customer.subject();
        String identity = verify(customer.username(), List.of("DE"), "DE");
        String granted = publicGrantOf(subject);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> decide(subject, FABLE_CHAT, "DE", identity), r -> "ALLOW".equals(r.path("decision")));

        PlatformProcesses.stop(ENTITLEMENT);
        Response revocation = revoke(granted);
        revocation.then().statusCode(200);
        PlatformProcesses.start(ENTITLEMENT);

        expect(decide(subject, FABLE_CHAT, "DE", revocation.path("consistencyToken")), "DENY", "NO_ACTIVE_TIER");
    }
}
