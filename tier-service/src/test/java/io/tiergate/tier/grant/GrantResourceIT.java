package io.tiergate.tier.grant;

import static io.restassured.RestAssured.given;
import static io.tiergate.commons.testing.KeycloakTokens.ALICE;
import static io.tiergate.commons.testing.KeycloakTokens.AUDREY;
import static io.tiergate.commons.testing.KeycloakTokens.OLIVIA;
import static io.tiergate.commons.testing.KeycloakTokens.OLIVIA_SUBJECT;
import static io.tiergate.commons.testing.KeycloakTokens.OSCAR;
import static io.tiergate.tier.TierFixtures.JUSTIFICATION;
import static io.tiergate.tier.TierFixtures.effectiveTiers;
import static io.tiergate.tier.TierFixtures.get;
import static io.tiergate.tier.TierFixtures.join;
import static io.tiergate.tier.TierFixtures.leave;
import static io.tiergate.tier.TierFixtures.organization;
import static io.tiergate.tier.TierFixtures.post;
import static io.tiergate.tier.TierFixtures.publishVerdict;
import static io.tiergate.tier.TierFixtures.tx;
import static io.tiergate.tier.TierFixtures.verifiedPerson;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tiergate.commons.testing.EventSchemas;
import io.tiergate.commons.testing.KafkaEvents;
import io.tiergate.commons.testing.KeycloakTokens;
import io.tiergate.tier.TierFixtures;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Against the real test Keycloak, PostgreSQL and Kafka started by {@code deploy/tiergate test}. */
@QuarkusTest
class GrantResourceIT {

    static Map<String, Object> grantTo(String subject, String tier) {
        return Map.of("subject", subject, "tier", tier, "justification", JUSTIFICATION);
    }

    static Map<String, Object> grantToOrganization(UUID organization, String tier) {
        return Map.of("organizationId", organization.toString(), "tier", tier, "justification", JUSTIFICATION);
    }

    /** A verified person who belongs to a verified company: meets ENTERPRISE. */
    static String enterpriseEmployee() {
        String subject = verifiedPerson("US");
        join(subject, organization("COMPANY", "US"));
        return subject;
    }

    static String publicGrantOf(String subject) {
        await().atMost(Duration.ofSeconds(30)).until(() -> tx(() -> TierGrant.hasLive(subject, Tier.PUBLIC)));
        return tx(() -> TierGrant.ofHolder(subject).stream()
                .filter(g -> g.tier == Tier.PUBLIC)
                .findFirst()
                .orElseThrow()
                .id
                .toString());
    }

    static boolean holds(String subject, String tier) {
        return effectiveTiers(AUDREY, subject).stream().anyMatch(t -> tier.equals(t.get("tier")));
    }

    @Test
    void officerGrantsAndRevokesAndEachChangeIsPublishedAsDocumented() {
        String subject = enterpriseEmployee();
        String id = post(OLIVIA, "/v1/grants", grantTo(subject, "ENTERPRISE"))
                .statusCode(201)
                .body("status", equalTo("ACTIVE"))
                .body("tier", equalTo("ENTERPRISE"))
                .body("holderKind", equalTo("SUBJECT"))
                .body("grantedBy", equalTo(OLIVIA_SUBJECT))
                .body("requirementsVersion", equalTo("2026-11-23.1"))
                .body("consistencyToken", startsWith("tier-service:" + subject + ":"))
                .extract()
                .path("id");
        assertTrue(holds(subject, "ENTERPRISE"));

        post(OSCAR, "/v1/grants/" + id + "/revocation", Map.of("reason", "Contract ended"))
                .statusCode(200)
                .body("status", equalTo("REVOKED"))
                .body("revocationReason", equalTo("Contract ended"))
                .body("consistencyToken", startsWith("tier-service:" + subject + ":"));
        post(OSCAR, "/v1/grants/" + id + "/revocation", Map.of("reason", "again"))
                .statusCode(409)
                .body("code", equalTo("GRANT_NOT_ACTIVE"));
        assertTrue(!holds(subject, "ENTERPRISE"));

        for (String type : List.of(TierEvents.GRANTED, TierEvents.REVOKED)) {
            var event = KafkaEvents.await(
                    TierEvents.TOPIC,
                    r -> r.value().contains(id) && r.value().contains("\"type\":\"" + type + "\""),
                    Duration.ofSeconds(20));
            assertTrue(event.isPresent(), type + " reaches Kafka");
            assertEquals(subject, event.get().key(), "keyed by subject");
            EventSchemas.assertValid(event.get().value());
        }
        var effective = KafkaEvents.await(
                TierEvents.TOPIC,
                r -> r.value().contains(TierEvents.EFFECTIVE_CHANGED)
                        && r.value().contains(id),
                Duration.ofSeconds(20));
        assertTrue(effective.isPresent(), "the effective tiers are announced");
        EventSchemas.assertValid(effective.get().value());
        get(AUDREY, "/v1/grants?subject=" + subject)
                .statusCode(200)
                .body("id", hasItem(id))
                .body("status", hasItem("REVOKED"));
    }

    @Test
    void publicIsGrantedOnVerification() {
        String subject = verifiedPerson("DE");
        publicGrantOf(subject);
        await().atMost(Duration.ofSeconds(10)).until(() -> holds(subject, "PUBLIC"));
        get(OLIVIA, "/v1/subjects/" + subject + "/tier")
                .statusCode(200)
                .body("tiers[0].tier", equalTo("PUBLIC"))
                .body("tiers[0].via", equalTo("DIRECT"))
                .body("tiers[0].grantedBy", equalTo(GrantService.SYSTEM_ACTOR));
    }

    @Test
    void aGrantThatDoesNotMeetItsRequirementsIsRefusedNamingEachOne() {
        post(OLIVIA, "/v1/grants", grantTo(UUID.randomUUID().toString(), "ENTERPRISE"))
                .statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("code", equalTo("REQUIREMENTS_NOT_MET"))
                .body("errors.field", hasItems("IDENTITY_VERIFIED", "ORGANIZATION_MEMBER"));
        String person = verifiedPerson("US");
        post(OLIVIA, "/v1/grants", grantTo(person, "ENTERPRISE"))
                .statusCode(422)
                .body("errors.field", equalTo(List.of("ORGANIZATION_MEMBER")));
        UUID lab = organization("RESEARCH_INSTITUTION", "US");
        post(OLIVIA, "/v1/grants", grantToOrganization(lab, "ENTERPRISE"))
                .statusCode(422)
                .body("errors.field", equalTo(List.of("ORGANIZATION_MEMBER")));
    }

    @Test
    void fourEyesTiersAndSelfGrantsAreRefused() {
        String person = verifiedPerson("US");
        post(OLIVIA, "/v1/grants", grantTo(person, "RESEARCH"))
                .statusCode(409)
                .body("code", equalTo("FOUR_EYES_REQUIRED"));
        post(OLIVIA, "/v1/grants", grantTo(OLIVIA_SUBJECT, "PUBLIC"))
                .statusCode(403)
                .body("code", equalTo("SELF_DECISION_FORBIDDEN"));
        String publicGrant = publicGrantOf(person);
        post(OSCAR, "/v1/grants", grantTo(person, "PUBLIC"))
                .statusCode(409)
                .body("code", equalTo("GRANT_ALREADY_ACTIVE"));
        assertTrue(publicGrant != null);
    }

    @Test
    void suspendReinstateAndTheFullHistory() {
        String person = verifiedPerson("US");
        String grant = publicGrantOf(person);
        post(OLIVIA, "/v1/grants/" + grant + "/suspension", Map.of("reason", "Unusual usage pattern"))
                .statusCode(200)
                .body("status", equalTo("SUSPENDED"))
                .body("suspensionCause", equalTo("OFFICER"));
        assertTrue(!holds(person, "PUBLIC"), "a suspended grant does not count");
        post(OLIVIA, "/v1/grants/" + grant + "/suspension", Map.of("reason", "again"))
                .statusCode(409)
                .body("code", equalTo("GRANT_NOT_ACTIVE"));
        post(OSCAR, "/v1/grants/" + grant + "/reinstatement", Map.of("reason", "Explained by the customer"))
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));
        assertTrue(holds(person, "PUBLIC"));
        get(AUDREY, "/v1/grants/" + grant + "/history")
                .statusCode(200)
                .body("action", equalTo(List.of("GRANTED", "SUSPENDED", "REINSTATED")))
                .body(
                        "actor",
                        equalTo(List.of(GrantService.SYSTEM_ACTOR, OLIVIA_SUBJECT, KeycloakTokens.OSCAR_SUBJECT)))
                .body("reason[1]", equalTo("Unusual usage pattern"));
    }

    @Test
    void expiryFiresOnTime() {
        String subject = enterpriseEmployee();
        Map<String, Object> body = new HashMap<>(grantTo(subject, "ENTERPRISE"));
        body.put("expiresAt", OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(3).toString());
        String id = post(OLIVIA, "/v1/grants", body).statusCode(201).extract().path("id");
        get(AUDREY, "/v1/grants?expiringWithinDays=1").statusCode(200).body("id", hasItem(id));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "EXPIRED"
                        .equals(get(AUDREY, "/v1/grants/" + id)
                                .statusCode(200)
                                .extract()
                                .path("status")));
        assertTrue(!holds(subject, "ENTERPRISE"));
        get(AUDREY, "/v1/grants/" + id + "/history")
                .statusCode(200)
                .body("action", equalTo(List.of("GRANTED", "EXPIRED")))
                .body("actor[1]", equalTo(GrantService.SYSTEM_ACTOR));
        var expired = KafkaEvents.await(
                TierEvents.TOPIC,
                r -> r.value().contains(id) && r.value().contains(TierEvents.EXPIRED),
                Duration.ofSeconds(20));
        assertTrue(expired.isPresent());
        EventSchemas.assertValid(expired.get().value());
    }

    @Test
    void membersInheritAnOrganizationGrantAndLoseItWhenTheyLeave() {
        UUID company = organization("COMPANY", "US");
        String employee = verifiedPerson("US");
        join(employee, company);
        String unverified = UUID.randomUUID().toString();
        join(unverified, company);
        String id = post(OLIVIA, "/v1/grants", grantToOrganization(company, "ENTERPRISE"))
                .statusCode(201)
                .body("holderKind", equalTo("ORGANIZATION"))
                .body("consistencyToken", containsString("tier-service:" + employee + ":"))
                .extract()
                .path("id");
        get(OSCAR, "/v1/subjects/" + employee + "/tier")
                .statusCode(200)
                .body("tiers.find { it.tier == 'ENTERPRISE' }.via", equalTo("ORGANIZATION"))
                .body("tiers.find { it.tier == 'ENTERPRISE' }.organizationId", equalTo(company.toString()))
                .body("tiers.find { it.tier == 'ENTERPRISE' }.grantId", equalTo(id));
        assertTrue(!holds(unverified, "ENTERPRISE"), "a member without a verified identity inherits nothing");

        leave(employee, company);
        await().atMost(Duration.ofSeconds(30)).until(() -> !holds(employee, "ENTERPRISE"));
        var announced = KafkaEvents.await(
                TierEvents.TOPIC,
                r -> employee.equals(r.key())
                        && r.value().contains(TierEvents.EFFECTIVE_CHANGED)
                        && !r.value().contains(id),
                Duration.ofSeconds(20));
        assertTrue(announced.isPresent(), "leaving is announced to decisions at once");
    }

    @Test
    void aLaterRejectionWithdrawsVerificationButALateOlderOneDoesNot() {
        String subject = UUID.randomUUID().toString();
        TierFixtures.publishIdentity(
                "tiergate.identity.verification.rejected",
                subject,
                3,
                TierFixtures.verdict("REJECTED", "US", "[{\"code\":\"UNDERAGE\",\"message\":\"under 18\"}]"));
        TierFixtures.publishIdentity(
                "tiergate.identity.verification.verified", subject, 2, TierFixtures.verdict("VERIFIED", "US", "[]"));
        String marker = UUID.randomUUID().toString();
        KafkaEvents.publish(
                TierFixtures.IDENTITY_TOPIC,
                "identity-service",
                "tiergate.identity.verification.verified",
                subject,
                4,
                "{\"caseId\":\"not-a-uuid\",\"status\":\"VERIFIED\"}"); // poison: same partition, skipped
        publishVerdict(subject, "tiergate.identity.verification.rejected", "REJECTED", "US");
        TierFixtures.verify(marker, "US");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> tx(() -> {
                    var identity = io.tiergate.tier.identity.VerifiedIdentity
                            .<io.tiergate.tier.identity.VerifiedIdentity>findById(subject);
                    return identity != null && identity.identityVersion > 4;
                }));
        assertTrue(
                !tx(() -> io.tiergate.tier.identity.VerifiedIdentity.isVerified(subject)),
                "an out-of-order older verdict must not re-verify, and a poison event does not block");
    }

    @Test
    void anonymousCallersAreRefused() {
        String any = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON)
                .body(grantTo(any, "PUBLIC"))
                .when()
                .post("/v1/grants")
                .then()
                .statusCode(401);
        for (String action : List.of("revocation", "suspension", "reinstatement", "renewal")) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("reason", "x"))
                    .when()
                    .post("/v1/grants/" + any + "/" + action)
                    .then()
                    .statusCode(401);
        }
        given().when().get("/v1/grants/" + any).then().statusCode(401);
        given().when().get("/v1/grants/" + any + "/history").then().statusCode(401);
        given().queryParam("subject", any).when().get("/v1/grants").then().statusCode(401);
        given().when().get("/v1/subjects/" + any + "/tier").then().statusCode(401);
    }

    @Test
    void callersWithoutTheRoleAreRefused() {
        String any = UUID.randomUUID().toString();
        for (String user : new String[] {ALICE, AUDREY, KeycloakTokens.PAULA}) {
            post(user, "/v1/grants", grantTo(any, "PUBLIC")).statusCode(403);
            for (String action : List.of("revocation", "suspension", "reinstatement")) {
                post(user, "/v1/grants/" + any + "/" + action, Map.of("reason", "x"))
                        .statusCode(403);
            }
        }
        get(ALICE, "/v1/grants/" + any).statusCode(403);
        get(ALICE, "/v1/grants/" + any + "/history").statusCode(403);
        get(ALICE, "/v1/grants?subject=" + any).statusCode(403);
        get(ALICE, "/v1/subjects/" + any + "/tier").statusCode(403).body("code", equalTo("NOT_YOUR_SUBJECT"));
        get(ALICE, "/v1/subjects/" + KeycloakTokens.ALICE_SUBJECT + "/tier").statusCode(200);
        given().auth()
                .oauth2(KeycloakTokens.gateway())
                .when()
                .get("/v1/grants/" + any)
                .then()
                .statusCode(401);
    }

    @Test
    void malformedInputIsAProblemNotAServerError() {
        post(OLIVIA, "/v1/grants", grantTo(UUID.randomUUID().toString(), "PLATINUM"))
                .statusCode(400)
                .body("code", equalTo("MALFORMED_REQUEST"))
                .body("detail", containsString("tier"));
        post(OLIVIA, "/v1/grants", Map.of("subject", "x"))
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("justification"));
        post(OLIVIA, "/v1/grants", "[]").statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
        post(OLIVIA, "/v1/grants", Map.of("tier", "PUBLIC", "justification", "x"))
                .statusCode(400)
                .body("code", equalTo("HOLDER_REQUIRED"));
        post(
                        OLIVIA,
                        "/v1/grants",
                        Map.of(
                                "subject",
                                "x",
                                "organizationId",
                                UUID.randomUUID().toString(),
                                "tier",
                                "PUBLIC",
                                "justification",
                                "x"))
                .statusCode(400)
                .body("code", equalTo("HOLDER_REQUIRED"));
        Map<String, Object> unknownField = new HashMap<>(grantTo("x", "PUBLIC"));
        unknownField.put("approvedBy", "everyone");
        post(OLIVIA, "/v1/grants", unknownField).statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
        Map<String, Object> past = new HashMap<>(grantTo(enterpriseEmployee(), "ENTERPRISE"));
        past.put("expiresAt", "2020-01-01T00:00:00Z");
        post(OLIVIA, "/v1/grants", past).statusCode(400).body("code", equalTo("EXPIRY_IN_PAST"));
        get(OLIVIA, "/v1/grants/" + UUID.randomUUID()).statusCode(404).body("code", equalTo("GRANT_NOT_FOUND"));
        get(OLIVIA, "/v1/grants?subject=x&expiringWithinDays=3")
                .statusCode(400)
                .body("code", equalTo("QUERY_REQUIRED"));
        get(OLIVIA, "/v1/grants?expiringWithinDays=-1").statusCode(400);
    }
}
