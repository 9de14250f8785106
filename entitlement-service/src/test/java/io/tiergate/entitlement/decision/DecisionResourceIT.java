package io.tiergate.entitlement.decision;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tiergate.commons.testing.KafkaEvents;
import io.tiergate.commons.testing.KeycloakTokens;
import io.tiergate.entitlement.events.Topics;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Plays identity-service and tier-service by publishing their events to the real test Kafka, then asks
 * for decisions with the consistency token those writes would have returned.
 */
@QuarkusTest
public class DecisionResourceIT {

    @Inject
    Topics topics;

    static final String SEED_POLICY_VERSION = "seed-2026-11-23.1";
    static final String FABLE_CHAT = "fable-5:chat";
    static final String MYTHOS_CHAT = "mythos-5:chat";
    static final String MYTHOS_CYBER = "mythos-5:cyber";

    /** A subject verified with the given nationality and granted a tier; returns the grant's consistency token. */
    public record Customer(String subject, String grantId, String token) {}

    public static Customer customer(String nationality, String tier) {
        String subject = UUID.randomUUID().toString();
        KafkaEvents.publish(
                "tiergate.identity",
                "identity-service",
                "tiergate.identity.verification.verified",
                subject,
                1,
                "{\"caseId\":\"" + UUID.randomUUID() + "\",\"status\":\"VERIFIED\",\"nationalities\":[\"" + nationality
                        + "\"],\"residenceCountry\":\"" + nationality + "\",\"reasons\":[]}");
        String grantId = UUID.randomUUID().toString();
        KafkaEvents.publish(
                "tiergate.tier",
                "tier-service",
                "tiergate.tier.granted",
                subject,
                1,
                grantData(grantId, tier, "ACTIVE"));
        KafkaEvents.publish(
                "tiergate.tier",
                "tier-service",
                EFFECTIVE_CHANGED,
                subject,
                2,
                "{\"tiers\":[{\"grantId\":\"" + grantId + "\",\"tier\":\"" + tier + "\",\"via\":\"DIRECT\"}]}");
        // Both writes must be reflected before deciding: one token of each source.
        return new Customer(subject, grantId, "identity-service:" + subject + ":1,tier-service:" + subject + ":2");
    }

    static final String EFFECTIVE_CHANGED = "tiergate.tier.effective.changed";

    static String grantData(String grantId, String tier, String status) {
        return "{\"grantId\":\"" + grantId + "\",\"tier\":\"" + tier + "\",\"status\":\"" + status
                + "\",\"actor\":\"officer\",\"reason\":\"test\"}";
    }

    public static ValidatableResponse decide(String subject, String capability, String jurisdiction, String token) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", subject);
        body.put("capability", capability);
        if (jurisdiction != null) {
            body.put("context", Map.of("jurisdiction", jurisdiction));
        }
        if (token != null) {
            body.put("consistencyToken", token);
        }
        return given().auth()
                .oauth2(KeycloakTokens.gateway())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v1/decisions")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("policyVersion", equalTo(SEED_POLICY_VERSION))
                .body("decisionId", notNullValue());
    }

    static void expect(ValidatableResponse response, String decision, String reasonCode) {
        response.body("decision", equalTo(decision)).body("reasons.code", hasItem(reasonCode));
    }

    @Test
    void researchTierGetsMythosChatButNotCyber() {
        Customer researcher = customer("US", "RESEARCH");
        expect(decide(researcher.subject(), MYTHOS_CHAT, "US", researcher.token()), "ALLOW", Reason.ENTITLED);
        expect(decide(researcher.subject(), FABLE_CHAT, null, null), "ALLOW", Reason.ENTITLED);
        expect(decide(researcher.subject(), MYTHOS_CYBER, "US", null), "DENY", Reason.TIER_NOT_ENTITLED);
        expect(decide(researcher.subject(), "mythos-5:unknown", "US", null), "DENY", Reason.UNKNOWN_CAPABILITY);
    }

    @Test
    void nationalsAndJurisdictionsOfConcernAreDeniedMythosChat() {
        Customer researcher = customer("RU", "RESEARCH");
        expect(decide(researcher.subject(), MYTHOS_CHAT, "DE", researcher.token()), "DENY", Reason.NATIONALITY_DENIED);
        expect(decide(researcher.subject(), FABLE_CHAT, "DE", null), "ALLOW", Reason.ENTITLED);
        Customer other = customer("DE", "RESEARCH");
        expect(decide(other.subject(), MYTHOS_CHAT, "CN", other.token()), "DENY", Reason.JURISDICTION_DENIED);
        expect(decide(other.subject(), MYTHOS_CHAT, "DE", null), "ALLOW", Reason.ENTITLED);
    }

    @Test
    void mythosCyberIsForUsNationalsInTheUsOnGovernmentTier() {
        Customer official = customer("US", "GOVERNMENT");
        expect(decide(official.subject(), MYTHOS_CYBER, "US", official.token()), "ALLOW", Reason.ENTITLED);
        expect(decide(official.subject(), MYTHOS_CYBER, "DE", null), "DENY", Reason.JURISDICTION_NOT_ALLOWED);
        expect(decide(official.subject(), MYTHOS_CYBER, null, null), "DENY", Reason.JURISDICTION_REQUIRED);
        Customer foreignOfficial = customer("GB", "GOVERNMENT");
        expect(
                decide(foreignOfficial.subject(), MYTHOS_CYBER, "US", foreignOfficial.token()),
                "DENY",
                Reason.NATIONALITY_NOT_ALLOWED);
    }

    @Test
    void aRevocationDeniesAsSoonAsItsTokenIsReached() {
        Customer researcher = customer("US", "RESEARCH");
        expect(decide(researcher.subject(), MYTHOS_CHAT, "US", researcher.token()), "ALLOW", Reason.ENTITLED);
        KafkaEvents.publish(
                "tiergate.tier",
                "tier-service",
                "tiergate.tier.revoked",
                researcher.subject(),
                3,
                grantData(researcher.grantId(), "RESEARCH", "REVOKED"));
        // The lifecycle event alone changes nothing: the effective set that follows it does.
        expect(
                decide(researcher.subject(), MYTHOS_CHAT, "US", "tier-service:" + researcher.subject() + ":3"),
                "ALLOW",
                Reason.ENTITLED);
        KafkaEvents.publish(
                "tiergate.tier", "tier-service", EFFECTIVE_CHANGED, researcher.subject(), 4, "{\"tiers\":[]}");
        expect(
                decide(researcher.subject(), MYTHOS_CHAT, "US", "tier-service:" + researcher.subject() + ":4"),
                "DENY",
                Reason.NO_ACTIVE_TIER);
    }

    @Test
    void unknownSubjectsAreDenied() {
        expect(decide(UUID.randomUUID().toString(), FABLE_CHAT, "US", null), "DENY", Reason.UNKNOWN_SUBJECT);
    }

    @Test
    void aTokenTheProjectionCannotReachFailsClosed() {
        String subject = UUID.randomUUID().toString();
        expect(decide(subject, FABLE_CHAT, "US", "tier-service:" + subject + ":999"), "DENY", Reason.PROJECTION_BEHIND);
    }

    @Test
    void deniedDecisionsArePublishedForTheAuditTrail() {
        String subject = UUID.randomUUID().toString();
        String decisionId = decide(subject, MYTHOS_CHAT, "US", null).extract().path("decisionId");
        var event = KafkaEvents.await(topics.decisions(), r -> r.value().contains(decisionId), Duration.ofSeconds(20));
        assertTrue(event.isPresent(), "the decision reaches Kafka");
        assertTrue(
                event.get().value().contains("\"type\":\"" + DecisionEvents.DENIED + "\""),
                event.get().value());
        assertTrue(subject.equals(event.get().key()), "keyed by subject");
    }

    @Test
    void allowsAreCountedPerSubjectCapabilityAndWindow() throws Exception {
        Customer customer = customer("US", "PUBLIC");
        for (int i = 0; i < 3; i++) {
            expect(decide(customer.subject(), FABLE_CHAT, "US", customer.token()), "ALLOW", Reason.ENTITLED);
        }
        // Three ALLOWs, one or two windows (PT2S in tests): the aggregates of the subject add up to three.
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            long counted = 0;
            for (String type : List.of(DecisionEvents.ALLOWED_AGGREGATE)) {
                var records = new java.util.ArrayList<String>();
                KafkaEvents.await(
                        topics.decisions(),
                        r -> {
                            if (customer.subject().equals(r.key()) && r.value().contains(type)) {
                                records.add(r.value());
                            }
                            return false;
                        },
                        Duration.ofSeconds(3));
                for (String record : records) {
                    counted += json.readTree(record).path("data").path("count").asLong();
                }
            }
            return counted == 3;
        });
    }

    @Test
    void aCustomerMayAskAboutThemselvesWithTheirOwnToken() {
        given().auth()
                .oauth2(KeycloakTokens.user(KeycloakTokens.BOB))
                .contentType(ContentType.JSON)
                .body(Map.of("subject", KeycloakTokens.BOB_SUBJECT, "capability", FABLE_CHAT))
                .when()
                .post("/v1/decisions")
                .then()
                .statusCode(200)
                .body("decisionId", notNullValue());
        given().auth()
                .oauth2(KeycloakTokens.user(KeycloakTokens.BOB))
                .contentType(ContentType.JSON)
                .body(Map.of("subject", KeycloakTokens.ALICE_SUBJECT, "capability", FABLE_CHAT))
                .when()
                .post("/v1/decisions")
                .then()
                .statusCode(403)
                .body("code", equalTo("OTHER_SUBJECT_FORBIDDEN"));
    }

    @Test
    void onlyGatewaysMayAskAboutOtherSubjects() {
        Map<String, Object> body = Map.of("subject", "s", "capability", FABLE_CHAT);
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v1/decisions")
                .then()
                .statusCode(401);
        for (String user : List.of(KeycloakTokens.ALICE, KeycloakTokens.OLIVIA, KeycloakTokens.AUDREY)) {
            given().auth()
                    .oauth2(KeycloakTokens.user(user))
                    .contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .post("/v1/decisions")
                    .then()
                    .statusCode(403);
        }
    }

    @Test
    void malformedInputIsAProblemNotAServerError() {
        String gateway = KeycloakTokens.gateway();
        given().auth()
                .oauth2(gateway)
                .contentType(ContentType.JSON)
                .body("{\"subject\":")
                .when()
                .post("/v1/decisions")
                .then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("code", equalTo("MALFORMED_REQUEST"));
        given().auth()
                .oauth2(gateway)
                .contentType(ContentType.JSON)
                .body(Map.of("subject", "s"))
                .when()
                .post("/v1/decisions")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("capability"));
        given().auth()
                .oauth2(gateway)
                .contentType(ContentType.JSON)
                .body(Map.of("subject", "s", "capability", FABLE_CHAT, "context", Map.of("jurisdiction", "USA")))
                .when()
                .post("/v1/decisions")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("context.jurisdiction"));
        given().auth()
                .oauth2(gateway)
                .contentType(ContentType.JSON)
                .body(Map.of("subject", "s", "capability", FABLE_CHAT, "consistencyToken", "garbage"))
                .when()
                .post("/v1/decisions")
                .then()
                .statusCode(400)
                .body("code", equalTo("INVALID_CONSISTENCY_TOKEN"));
        given().auth()
                .oauth2(gateway)
                .contentType(ContentType.JSON)
                .body(Map.of("subject", "s", "capability", FABLE_CHAT, "unexpected", true))
                .when()
                .post("/v1/decisions")
                .then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"));
        given().auth()
                .oauth2(gateway)
                .contentType(ContentType.JSON)
                .body(Map.of("subject", "s", "capability", "x".repeat(100_000)))
                .when()
                .post("/v1/decisions")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("capability"));
        for (String ip : List.of("300.1.2.3", "localhost", "1.2.3.4/24", "x".repeat(46))) {
            given().auth()
                    .oauth2(gateway)
                    .contentType(ContentType.JSON)
                    .body(Map.of("subject", "s", "capability", FABLE_CHAT, "context", Map.of("clientIp", ip)))
                    .when()
                    .post("/v1/decisions")
                    .then()
                    .statusCode(400)
                    .contentType(containsString("application/problem+json"));
        }
    }
}
