package io.tiergate.e2e;

import static io.restassured.RestAssured.given;
import static io.tiergate.commons.testing.KeycloakTokens.AUDREY;
import static io.tiergate.e2e.PlatformProcesses.AUDIT;
import static io.tiergate.e2e.PlatformProcesses.url;
import static io.tiergate.e2e.Steps.FABLE_CHAT;
import static io.tiergate.e2e.Steps.MYTHOS_CHAT;
import static io.tiergate.e2e.Steps.MYTHOS_CYBER;
import static io.tiergate.e2e.Steps.addMember;
import static io.tiergate.e2e.Steps.assertAudited;
import static io.tiergate.e2e.Steps.decide;
import static io.tiergate.e2e.Steps.expect;
import static io.tiergate.e2e.Steps.publicGrantOf;
import static io.tiergate.e2e.Steps.requestAndApprove;
import static io.tiergate.e2e.Steps.researchInstitution;
import static io.tiergate.e2e.Steps.revoke;
import static io.tiergate.e2e.Steps.verify;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.Response;
import io.tiergate.commons.testing.KeycloakTokens;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The first thread across the four real services, Keycloak, Kafka and PostgreSQL: alice and bob, customers of
 * this suite's own, are verified, granted, allowed and denied with the right reasons, revoked and denied, and every
 * step is in the audit trail. Prints the time from a revocation to the decision API answering DENY.
 */
class FirstThreadEndToEndIT {

    @BeforeAll
    static void startServices() {
        PlatformProcesses.ensureStarted();
    }

    @Test
    void aliceAndBobFromOnboardingToDecisionToAudit() {
        Steps.Customer alice = Steps.newCustomer("alice");
        Steps.Customer bob = Steps.newCustomer("bob");

        // 1. verified (and granted PUBLIC by tier-service on its own)
        String aliceIdentity = verify(alice.username(), List.of("US"), "US");
        String bobIdentity = verify(bob.username(), List.of("RU"), "DE");
        String bobPublic = publicGrantOf(bob.subject());
        publicGrantOf(alice.subject());

        // 2. alice registers her research institution, adds bob, asks for RESEARCH; two officers approve
        String institute = researchInstitution(alice.username());
        addMember(alice.username(), institute, bob.subject());
        Response granted = requestAndApprove(alice.username(), institute, "RESEARCH");
        String instituteGrant = granted.path("grantId");
        String memberTokens = granted.path("grant.consistencyToken");
        String aliceTokens = aliceIdentity + "," + memberTokens;
        String bobTokens = bobIdentity + "," + memberTokens;

        // 3. allowed and denied with the right reason codes (both members inherit the institute's grant)
        expect(decide(alice.subject(), MYTHOS_CHAT, "US", aliceTokens), "ALLOW", "ENTITLED");
        expect(decide(alice.subject(), MYTHOS_CYBER, "US", aliceTokens), "DENY", "TIER_NOT_ENTITLED");
        expect(decide(bob.subject(), FABLE_CHAT, "DE", bobTokens), "ALLOW", "ENTITLED");
        expect(decide(bob.subject(), MYTHOS_CHAT, "DE", bobTokens), "DENY", "NATIONALITY_DENIED");

        // 4. revoked, then denied: with the revocation's consistency tokens (one call)...
        long start = System.nanoTime();
        Response revocation = revoke(instituteGrant);
        revocation.then().statusCode(200).body("status", equalTo("REVOKED"));
        Response aliceDenied = decide(alice.subject(), MYTHOS_CHAT, "US", revocation.path("consistencyToken"));
        double withTokenMillis = (System.nanoTime() - start) / 1e6;
        expect(aliceDenied, "DENY", "TIER_NOT_ENTITLED");

        // ...and without it, as a gateway that knows nothing of the revocation sees it (polling).
        start = System.nanoTime();
        revoke(bobPublic).then().statusCode(200);
        Response bobDenied = await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> decide(bob.subject(), FABLE_CHAT, "DE", null), r -> "DENY".equals(r.path("decision")));
        double withoutTokenMillis = (System.nanoTime() - start) / 1e6;
        expect(bobDenied, "DENY", "NO_ACTIVE_TIER");
        System.out.printf(
                "%nREVOCATION-TO-DENY: with consistency token %.1f ms (revoke call + one decision); "
                        + "without token %.1f ms (revoke call + polling decisions every 5 ms)%n%n",
                withTokenMillis, withoutTokenMillis);

        // 5. each step is in the audit trail
        List<String> steps = List.of(
                "tiergate.identity.verification.verified",
                "tiergate.tier.granted",
                "tiergate.tier.effective.changed",
                "tiergate.decision.allowed.aggregate",
                "tiergate.decision.denied");
        assertAudited(alice.subject(), steps, aliceDenied.path("decisionId"));
        assertAudited(
                bob.subject(),
                List.of(
                        "tiergate.identity.organization.membership.changed",
                        "tiergate.tier.revoked",
                        "tiergate.decision.denied"),
                bobDenied.path("decisionId"));
        assertAudited(
                institute,
                List.of(
                        "tiergate.identity.organization.verified",
                        "tiergate.tier.requested",
                        "tiergate.tier.approved",
                        "tiergate.tier.granted",
                        "tiergate.tier.revoked"),
                null);
        given().auth()
                .oauth2(KeycloakTokens.user(AUDREY))
                .when()
                .get(url(AUDIT) + "/v1/log/verification")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true));
    }
}
