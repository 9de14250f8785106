package io.tiergate.tier.grant;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tiergate.commons.testing.KafkaEvents;
import io.tiergate.commons.testing.KeycloakTokens;
import io.tiergate.tier.identity.VerifiedIdentity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tiergate.commons.testing.KeycloakTokens.ALICE;
import static io.tiergate.commons.testing.KeycloakTokens.AUDREY;
import static io.tiergate.commons.testing.KeycloakTokens.OLIVIA;
import static io.tiergate.commons.testing.KeycloakTokens.OLIVIA_SUBJECT;
import static io.tiergate.commons.testing.KeycloakTokens.OSCAR;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against the real test Keycloak, PostgreSQL and Kafka started by {@code deploy/tiergate test}. */
@QuarkusTest
class GrantResourceTest {

    static final String IDENTITY_TOPIC = "tiergate.identity";
    static final String VERIFIED = "tiergate.identity.verification.verified";
    static final String REJECTED = "tiergate.identity.verification.rejected";
    static final String JUSTIFICATION = "Partner lab under contract #42";

    /** A fresh subject that identity-service (played by the test) has verified. */
    static String verifiedSubject() {
        String subject = UUID.randomUUID().toString();
        publishVerdict(subject, VERIFIED, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> isVerified(subject));
        return subject;
    }

    static void publishVerdict(String subject, String type, long version) {
        String status = type.equals(VERIFIED) ? "VERIFIED" : "REJECTED";
        KafkaEvents.publish(IDENTITY_TOPIC, "identity-service", type, subject, version,
                "{\"caseId\":\"" + UUID.randomUUID() + "\",\"status\":\"" + status
                        + "\",\"nationalities\":[\"US\"],\"residenceCountry\":\"US\",\"reasons\":[]}");
    }

    static boolean isVerified(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> VerifiedIdentity.isVerified(subject));
    }

    static Map<String, Object> grantOf(String subject, String tier) {
        return Map.of("subject", subject, "tier", tier, "justification", JUSTIFICATION);
    }

    static String grantAs(String officer, String subject, String tier) {
        return given().auth().oauth2(KeycloakTokens.user(officer)).contentType(ContentType.JSON)
                .body(grantOf(subject, tier))
                .when().post("/v1/grants")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void officerGrantsAndRevokesAndEachChangeIsPublished() {
        String subject = verifiedSubject();
        String id = given().auth().oauth2(KeycloakTokens.user(OLIVIA)).contentType(ContentType.JSON)
                .body(grantOf(subject, "RESEARCH"))
                .when().post("/v1/grants")
                .then().statusCode(201)
                .body("status", equalTo("ACTIVE"))
                .body("tier", equalTo("RESEARCH"))
                .body("grantedBy", equalTo(OLIVIA_SUBJECT))
                .body("consistencyToken", startsWith("tier-service:" + subject + ":"))
                .extract().path("id");

        given().auth().oauth2(KeycloakTokens.user(OSCAR)).contentType(ContentType.JSON)
                .body(Map.of("reason", "Contract ended"))
                .when().post("/v1/grants/" + id + "/revocation")
                .then().statusCode(200)
                .body("status", equalTo("REVOKED"))
                .body("revocationReason", equalTo("Contract ended"))
                .body("consistencyToken", startsWith("tier-service:" + subject + ":"));

        given().auth().oauth2(KeycloakTokens.user(OSCAR)).contentType(ContentType.JSON)
                .body(Map.of("reason", "again"))
                .when().post("/v1/grants/" + id + "/revocation")
                .then().statusCode(409).body("code", equalTo("GRANT_NOT_ACTIVE"));

        for (String type : new String[] {TierEvents.GRANTED, TierEvents.REVOKED}) {
            var event = KafkaEvents.await(TierEvents.TOPIC,
                    r -> r.value().contains(id) && r.value().contains("\"type\":\"" + type + "\""), Duration.ofSeconds(20));
            assertTrue(event.isPresent(), type + " reaches Kafka");
            assertTrue(subject.equals(event.get().key()), "keyed by subject");
        }
        given().auth().oauth2(KeycloakTokens.user(AUDREY)).queryParam("subject", subject)
                .when().get("/v1/grants")
                .then().statusCode(200).body("id", hasItem(id)).body("status", hasItem("REVOKED"));
    }

    @Test
    void aGrantNeedsAVerifiedIdentity() {
        given().auth().oauth2(KeycloakTokens.user(OLIVIA)).contentType(ContentType.JSON)
                .body(grantOf(UUID.randomUUID().toString(), "PUBLIC"))
                .when().post("/v1/grants")
                .then().statusCode(409).contentType(containsString("application/problem+json"))
                .body("code", equalTo("IDENTITY_NOT_VERIFIED"));
    }

    @Test
    void aLaterRejectionWithdrawsVerificationButALateOlderOneDoesNot() {
        String subject = verifiedSubject();
        publishVerdict(subject, REJECTED, 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> !isVerified(subject));
        publishVerdict(subject, VERIFIED, 2); // older than the rejection: ignored
        publishVerdict(UUID.randomUUID().toString(), VERIFIED, 1); // a marker to know the consumer moved past it
        String marker = verifiedSubject();
        assertTrue(isVerified(marker));
        assertTrue(!isVerified(subject), "an out-of-order older verdict must not re-verify");
    }

    @Test
    void aPoisonEventIsSkippedInsteadOfBlockingItsPartition() {
        String subject = UUID.randomUUID().toString();
        KafkaEvents.publish(IDENTITY_TOPIC, "identity-service", VERIFIED, subject, 1,
                "{\"caseId\":\"not-a-uuid\",\"status\":\"VERIFIED\"}");
        publishVerdict(subject, VERIFIED, 2); // same subject, so same partition, behind the poison
        await().atMost(Duration.ofSeconds(30)).until(() -> isVerified(subject));
    }

    @Test
    void oneActiveGrantPerTierAndNoSelfGrants() {
        String subject = verifiedSubject();
        grantAs(OLIVIA, subject, "PUBLIC");
        given().auth().oauth2(KeycloakTokens.user(OSCAR)).contentType(ContentType.JSON)
                .body(grantOf(subject, "PUBLIC"))
                .when().post("/v1/grants")
                .then().statusCode(409).body("code", equalTo("GRANT_ALREADY_ACTIVE"));
        given().auth().oauth2(KeycloakTokens.user(OLIVIA)).contentType(ContentType.JSON)
                .body(grantOf(OLIVIA_SUBJECT, "GOVERNMENT"))
                .when().post("/v1/grants")
                .then().statusCode(403).body("code", equalTo("SELF_GRANT_FORBIDDEN"));
    }

    @Test
    void anonymousCallersAreRefused() {
        String any = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).body(grantOf(any, "PUBLIC")).when().post("/v1/grants")
                .then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("reason", "x")).when().post("/v1/grants/" + any + "/revocation")
                .then().statusCode(401);
        given().when().get("/v1/grants/" + any).then().statusCode(401);
        given().queryParam("subject", any).when().get("/v1/grants").then().statusCode(401);
    }

    @Test
    void callersWithoutTheRoleAreRefused() {
        String any = UUID.randomUUID().toString();
        for (String user : new String[] {ALICE, AUDREY}) {
            given().auth().oauth2(KeycloakTokens.user(user)).contentType(ContentType.JSON).body(grantOf(any, "PUBLIC"))
                    .when().post("/v1/grants").then().statusCode(403);
            given().auth().oauth2(KeycloakTokens.user(user)).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                    .when().post("/v1/grants/" + any + "/revocation").then().statusCode(403);
        }
        given().auth().oauth2(KeycloakTokens.user(ALICE)).when().get("/v1/grants/" + any).then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.user(ALICE)).queryParam("subject", any).when().get("/v1/grants")
                .then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.gateway()).when().get("/v1/grants/" + any).then().statusCode(401);
    }

    @Test
    void malformedInputIsAProblemNotAServerError() {
        given().auth().oauth2(KeycloakTokens.user(OLIVIA)).contentType(ContentType.JSON)
                .body(grantOf(UUID.randomUUID().toString(), "PLATINUM"))
                .when().post("/v1/grants")
                .then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"))
                .body("detail", containsString("tier"));
        given().auth().oauth2(KeycloakTokens.user(OLIVIA)).contentType(ContentType.JSON)
                .body(Map.of("tier", "PUBLIC"))
                .when().post("/v1/grants")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("subject"));
        given().auth().oauth2(KeycloakTokens.user(OLIVIA)).contentType(ContentType.JSON).body("[]")
                .when().post("/v1/grants")
                .then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
        given().auth().oauth2(KeycloakTokens.user(OLIVIA)).when().get("/v1/grants/" + UUID.randomUUID())
                .then().statusCode(404).body("code", equalTo("GRANT_NOT_FOUND"));
    }
}
