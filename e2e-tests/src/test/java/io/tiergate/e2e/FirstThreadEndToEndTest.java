package io.tiergate.e2e;

import io.restassured.response.Response;
import io.tiergate.commons.testing.KeycloakTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static io.tiergate.commons.testing.KeycloakTokens.ALICE;
import static io.tiergate.commons.testing.KeycloakTokens.ALICE_SUBJECT;
import static io.tiergate.commons.testing.KeycloakTokens.AUDREY;
import static io.tiergate.commons.testing.KeycloakTokens.BOB;
import static io.tiergate.commons.testing.KeycloakTokens.BOB_SUBJECT;
import static io.tiergate.e2e.PlatformProcesses.AUDIT;
import static io.tiergate.e2e.PlatformProcesses.url;
import static io.tiergate.e2e.Steps.FABLE_CHAT;
import static io.tiergate.e2e.Steps.MYTHOS_CHAT;
import static io.tiergate.e2e.Steps.MYTHOS_CYBER;
import static io.tiergate.e2e.Steps.assertAudited;
import static io.tiergate.e2e.Steps.decide;
import static io.tiergate.e2e.Steps.expect;
import static io.tiergate.e2e.Steps.grant;
import static io.tiergate.e2e.Steps.revoke;
import static io.tiergate.e2e.Steps.revokeActiveGrants;
import static io.tiergate.e2e.Steps.verify;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The spine's first thread across the four real services, Keycloak, Kafka and PostgreSQL: alice and bob
 * are verified, granted, allowed and denied with the right reasons, revoked and denied, and every step
 * is in the audit trail. Prints the time from a revocation to the decision API answering DENY.
 */
class FirstThreadEndToEndTest {

    @BeforeAll
    static void startServices() {
        PlatformProcesses.ensureStarted();
    }

    @Test
    void aliceAndBobFromOnboardingToDecisionToAudit() {
        revokeActiveGrants(ALICE_SUBJECT);
        revokeActiveGrants(BOB_SUBJECT);

        // 1. verified
        String aliceIdentity = verify(ALICE, List.of("US"), "US");
        String bobIdentity = verify(BOB, List.of("RU"), "DE");

        // 2. granted
        Response aliceGrant = grant(ALICE_SUBJECT, "RESEARCH");
        Response bobGrant = grant(BOB_SUBJECT, "RESEARCH");
        String aliceTokens = aliceIdentity + "," + aliceGrant.path("consistencyToken");
        String bobTokens = bobIdentity + "," + bobGrant.path("consistencyToken");

        // 3. allowed and denied with the right reason codes
        expect(decide(ALICE_SUBJECT, MYTHOS_CHAT, "US", aliceTokens), "ALLOW", "ENTITLED");
        expect(decide(ALICE_SUBJECT, MYTHOS_CYBER, "US", aliceTokens), "DENY", "TIER_NOT_ENTITLED");
        expect(decide(BOB_SUBJECT, FABLE_CHAT, "DE", bobTokens), "ALLOW", "ENTITLED");
        expect(decide(BOB_SUBJECT, MYTHOS_CHAT, "DE", bobTokens), "DENY", "NATIONALITY_DENIED");

        // 4. revoked, then denied: with the revocation's consistency token (one call)...
        long start = System.nanoTime();
        Response aliceRevocation = revoke(aliceGrant.path("id"));
        aliceRevocation.then().statusCode(200).body("status", equalTo("REVOKED"));
        Response aliceDenied = decide(ALICE_SUBJECT, MYTHOS_CHAT, "US", aliceRevocation.path("consistencyToken"));
        double withTokenMillis = (System.nanoTime() - start) / 1e6;
        expect(aliceDenied, "DENY", "NO_ACTIVE_TIER");

        // ...and without it, as a gateway that knows nothing of the revocation sees it (polling).
        start = System.nanoTime();
        revoke(bobGrant.path("id")).then().statusCode(200);
        Response bobDenied = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> decide(BOB_SUBJECT, FABLE_CHAT, "DE", null), r -> "DENY".equals(r.path("decision")));
        double withoutTokenMillis = (System.nanoTime() - start) / 1e6;
        expect(bobDenied, "DENY", "NO_ACTIVE_TIER");
        System.out.printf("%nREVOCATION-TO-DENY: with consistency token %.1f ms (revoke call + one decision); "
                + "without token %.1f ms (revoke call + polling decisions every 5 ms)%n%n", withTokenMillis, withoutTokenMillis);

        // 5. each step is in the audit trail
        List<String> aliceSteps = List.of("tiergate.identity.verification.verified", "tiergate.tier.granted",
                "tiergate.decision.allowed", "tiergate.decision.denied", "tiergate.tier.revoked");
        assertAudited(ALICE_SUBJECT, aliceSteps, aliceDenied.path("decisionId"));
        assertAudited(BOB_SUBJECT, aliceSteps, bobDenied.path("decisionId"));
        given().auth().oauth2(KeycloakTokens.user(AUDREY)).when().get(url(AUDIT) + "/v1/log/verification")
                .then().statusCode(200).body("valid", equalTo(true));
    }
}
