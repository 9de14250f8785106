package io.tiergate.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tiergate.commons.testing.KeycloakTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.tiergate.commons.testing.KeycloakTokens.ALICE;
import static io.tiergate.commons.testing.KeycloakTokens.ALICE_SUBJECT;
import static io.tiergate.commons.testing.KeycloakTokens.AUDREY;
import static io.tiergate.commons.testing.KeycloakTokens.BOB;
import static io.tiergate.commons.testing.KeycloakTokens.BOB_SUBJECT;
import static io.tiergate.commons.testing.KeycloakTokens.OLIVIA;
import static io.tiergate.commons.testing.KeycloakTokens.OSCAR;
import static io.tiergate.e2e.PlatformProcesses.AUDIT;
import static io.tiergate.e2e.PlatformProcesses.ENTITLEMENT;
import static io.tiergate.e2e.PlatformProcesses.IDENTITY;
import static io.tiergate.e2e.PlatformProcesses.TIER;
import static io.tiergate.e2e.PlatformProcesses.url;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The spine's first thread across the four real services, Keycloak, Kafka and PostgreSQL: alice and bob
 * are verified, granted, allowed and denied with the right reasons, revoked and denied, and every step
 * is in the audit trail. Prints the time from a revocation to the decision API answering DENY.
 */
class FirstThreadEndToEndTest {

    static final String FABLE_CHAT = "fable-5:chat";
    static final String MYTHOS_CHAT = "mythos-5:chat";
    static final String MYTHOS_CYBER = "mythos-5:cyber";

    static PlatformProcesses platform;

    @BeforeAll
    static void startServices() throws Exception {
        platform = PlatformProcesses.start();
    }

    @AfterAll
    static void stopServices() {
        if (platform != null) {
            platform.close();
        }
    }

    static String verify(String user, List<String> nationalities, String residence) {
        return given().auth().oauth2(KeycloakTokens.user(user)).contentType(ContentType.JSON)
                .body(Map.of("givenName", user, "familyName", "Example", "dateOfBirth", "1988-02-29",
                        "nationalities", nationalities, "residenceCountry", residence))
                .when().post(url(IDENTITY) + "/v1/verifications")
                .then().statusCode(201).body("status", equalTo("VERIFIED"))
                .extract().path("consistencyToken");
    }

    /** Revokes what an earlier run left active, so the thread starts from a known state. */
    static void revokeActiveGrants(String subject) {
        List<String> active = given().auth().oauth2(KeycloakTokens.user(OSCAR)).queryParam("subject", subject)
                .when().get(url(TIER) + "/v1/grants")
                .then().statusCode(200).extract().path("findAll { it.status == 'ACTIVE' }.id");
        for (String id : active) {
            revoke(id);
        }
    }

    static Response grant(String subject, String tier) {
        // tier-service learns of the verification from Kafka, not from a call: wait until it has.
        return await("tier-service sees " + subject + " verified").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> given().auth().oauth2(KeycloakTokens.user(OLIVIA)).contentType(ContentType.JSON)
                        .body(Map.of("subject", subject, "tier", tier, "justification", "E2E: approved research partner"))
                        .when().post(url(TIER) + "/v1/grants"), r -> r.statusCode() == 201);
    }

    static Response revoke(String grantId) {
        return given().auth().oauth2(KeycloakTokens.user(OSCAR)).contentType(ContentType.JSON)
                .body(Map.of("reason", "E2E: access review"))
                .when().post(url(TIER) + "/v1/grants/" + grantId + "/revocation");
    }

    static Response decide(String subject, String capability, String jurisdiction, String tokens) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", subject);
        body.put("capability", capability);
        body.put("context", Map.of("jurisdiction", jurisdiction));
        if (tokens != null) {
            body.put("consistencyToken", tokens);
        }
        Response response = given().auth().oauth2(KeycloakTokens.gateway()).contentType(ContentType.JSON).body(body)
                .when().post(url(ENTITLEMENT) + "/v1/decisions");
        response.then().statusCode(200);
        return response;
    }

    static void expect(Response decision, String verdict, String reasonCode) {
        decision.then().body("decision", equalTo(verdict)).body("reasons.code", hasItem(reasonCode));
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
        given().auth().oauth2(KeycloakTokens.user(AUDREY)).when().get(url(AUDIT) + "/v1/chain/verification")
                .then().statusCode(200).body("valid", equalTo(true));
    }

    static void assertAudited(String subject, List<String> types, String lastDecisionId) {
        await(subject + " fully audited").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> auditTrail(subject).path("event.data.decisionId"),
                        (List<String> ids) -> ids.contains(lastDecisionId));
        List<String> recorded = auditTrail(subject).path("type");
        for (String type : types) {
            assertTrue(recorded.contains(type), subject + " trail lacks " + type + ": " + recorded);
        }
        List<String> eventIds = auditTrail(subject).path("eventId");
        assertEquals(eventIds.size(), eventIds.stream().distinct().count(), "each event appended once");
    }

    static Response auditTrail(String subject) {
        return given().auth().oauth2(KeycloakTokens.user(AUDREY)).queryParam("subject", subject)
                .queryParam("limit", 1000)
                .when().get(url(AUDIT) + "/v1/events");
    }
}
