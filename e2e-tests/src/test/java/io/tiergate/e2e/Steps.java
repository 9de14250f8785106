package io.tiergate.e2e;

import static io.restassured.RestAssured.given;
import static io.tiergate.commons.testing.KeycloakTokens.AUDREY;
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

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tiergate.commons.testing.KeycloakTokens;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** The steps of the thread, as the demo users take them through the public APIs. */
final class Steps {

    static final String FABLE_CHAT = "fable-5:chat";
    static final String MYTHOS_CHAT = "mythos-5:chat";
    static final String MYTHOS_CYBER = "mythos-5:cyber";

    private Steps() {}

    /** A customer of a suite's own: its name (also its password) and its Keycloak subject. */
    record Customer(String username, String subject) {}

    /**
     * A new customer made through Keycloak's admin API (the realm gives new accounts the customer role), so that
     * no suite depends on what another left behind. The password equals the user name, as the demo users' do.
     */
    static Customer newCustomer(String prefix) {
        String username =
                prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        String admin = given().formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", System.getProperty("tiergate.test.keycloak.admin", "admin"))
                .formParam("password", System.getProperty("tiergate.test.keycloak.admin-password", "admin"))
                .when()
                .post(KeycloakTokens.keycloakUrl() + "/realms/master/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        String location = given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "username",
                        username,
                        "enabled",
                        true,
                        "emailVerified",
                        true,
                        "firstName",
                        "E2E",
                        "lastName",
                        "Example",
                        "email",
                        username + "@example.invalid",
                        "credentials",
                        List.of(Map.of("type", "password", "value", username, "temporary", false))))
                .when()
                .post(KeycloakTokens.keycloakUrl() + "/admin/realms/tiergate/users")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        return new Customer(username, location.substring(location.lastIndexOf('/') + 1));
    }

    /**
     * Submits the user's claims; a case sent to review (a country of concern, say) is claimed and cleared by an
     * officer, as the review queue would. Returns the consistency token of the VERIFIED verdict.
     */
    static String verify(String user, List<String> nationalities, String residence) {
        Response submitted = given().auth()
                .oauth2(KeycloakTokens.user(user))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "givenName",
                        user,
                        "familyName",
                        "Example",
                        "dateOfBirth",
                        "1988-02-29",
                        "nationalities",
                        nationalities,
                        "residenceCountry",
                        residence))
                .when()
                .post(url(IDENTITY) + "/v1/verifications");
        submitted.then().statusCode(201);
        if (!"IN_REVIEW".equals(submitted.path("status"))) {
            submitted.then().body("status", equalTo("VERIFIED"));
            return submitted.path("consistencyToken");
        }
        String id = submitted.path("id");
        given().auth()
                .oauth2(KeycloakTokens.user(OSCAR))
                .when()
                .post(url(IDENTITY) + "/v1/reviews/" + id + "/claim")
                .then()
                .statusCode(200);
        return given().auth()
                .oauth2(KeycloakTokens.user(OSCAR))
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "VERIFIED", "reason", "E2E: reviewed, no concern for this customer"))
                .when()
                .post(url(IDENTITY) + "/v1/reviews/" + id + "/decision")
                .then()
                .statusCode(200)
                .body("status", equalTo("VERIFIED"))
                .extract()
                .path("consistencyToken");
    }

    static Response grant(String subject, String tier) {
        return given().auth()
                .oauth2(KeycloakTokens.user(OLIVIA))
                .contentType(ContentType.JSON)
                .body(Map.of("subject", subject, "tier", tier, "justification", "E2E: approved partner"))
                .when()
                .post(url(TIER) + "/v1/grants");
    }

    /** The PUBLIC grant tier-service issues by itself once it learns (from Kafka) that the subject is verified. */
    static String publicGrantOf(String subject) {
        return await("tier-service grants " + subject + " PUBLIC on verification")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> given().auth()
                                .oauth2(KeycloakTokens.user(OSCAR))
                                .queryParam("subject", subject)
                                .when()
                                .get(url(TIER) + "/v1/grants")
                                .then()
                                .statusCode(200)
                                .extract()
                                .<String>path("find { it.status == 'ACTIVE' && it.tier == 'PUBLIC' }.id"),
                        id -> id != null);
    }

    /** A research institution registered (KYB) by the user, who becomes its representative. */
    static String researchInstitution(String user) {
        return given().auth()
                .oauth2(KeycloakTokens.user(user))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "legalName",
                        "E2E Institute of Alignment",
                        "registrationNumber",
                        "E2E-" + System.nanoTime(),
                        "countryOfIncorporation",
                        "US",
                        "kind",
                        "RESEARCH_INSTITUTION",
                        "beneficialOwners",
                        List.of(),
                        "representatives",
                        List.of()))
                .when()
                .post(url(IDENTITY) + "/v1/organizations")
                .then()
                .statusCode(201)
                .body("status", equalTo("VERIFIED"))
                .extract()
                .path("id");
    }

    static void addMember(String representative, String organization, String subject) {
        given().auth()
                .oauth2(KeycloakTokens.user(representative))
                .contentType(ContentType.JSON)
                .body(Map.of("subject", subject, "role", "MEMBER"))
                .when()
                .post(url(IDENTITY) + "/v1/organizations/" + organization + "/members")
                .then()
                .statusCode(201);
    }

    /** The customer's request for their organization, approved by two distinct officers; returns the last approval. */
    static Response requestAndApprove(String customer, String organization, String tier) {
        // tier-service learns of the organization and its members from Kafka: retry until it has.
        String request = await("tier-service knows organization " + organization)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> given().auth()
                                .oauth2(KeycloakTokens.user(customer))
                                .contentType(ContentType.JSON)
                                .body(Map.of(
                                        "organizationId",
                                        organization,
                                        "tier",
                                        tier,
                                        "justification",
                                        "E2E: partner lab",
                                        "intendedUse",
                                        "alignment evaluations"))
                                .when()
                                .post(url(TIER) + "/v1/tier-requests"),
                        r -> r.statusCode() == 201)
                .path("id");
        given().auth()
                .oauth2(KeycloakTokens.user(OLIVIA))
                .contentType(ContentType.JSON)
                .body(Map.of())
                .when()
                .post(url(TIER) + "/v1/tier-requests/" + request + "/approvals")
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING"));
        Response granted = given().auth()
                .oauth2(KeycloakTokens.user(OSCAR))
                .contentType(ContentType.JSON)
                .body(Map.of())
                .when()
                .post(url(TIER) + "/v1/tier-requests/" + request + "/approvals");
        granted.then().statusCode(200).body("status", equalTo("GRANTED"));
        return granted;
    }

    static Response revoke(String grantId) {
        return given().auth()
                .oauth2(KeycloakTokens.user(OSCAR))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "E2E: access review"))
                .when()
                .post(url(TIER) + "/v1/grants/" + grantId + "/revocation");
    }

    static Response decide(String subject, String capability, String jurisdiction, String tokens) {
        return decideAt(url(ENTITLEMENT), subject, capability, jurisdiction, tokens);
    }

    /** A decision from one entitlement-service instance, by its base URL. */
    static Response decideAt(String instance, String subject, String capability, String jurisdiction, String tokens) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", subject);
        body.put("capability", capability);
        body.put("context", Map.of("jurisdiction", jurisdiction));
        if (tokens != null) {
            body.put("consistencyToken", tokens);
        }
        Response response = given().auth()
                .oauth2(KeycloakTokens.gateway())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(instance + "/v1/decisions");
        response.then().statusCode(200);
        return response;
    }

    static void expect(Response decision, String verdict, String reasonCode) {
        decision.then().body("decision", equalTo(verdict)).body("reasons.code", hasItem(reasonCode));
    }

    /** Waits until the subject's audit trail holds each type (and the decision, if given), each event once. */
    static void assertAudited(String subject, List<String> types, String lastDecisionId) {
        await(subject + " fully audited")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    List<Map<String, Object>> trail = fullAuditTrail(subject);
                    List<Object> recorded =
                            trail.stream().map(e -> e.get("type")).toList();
                    for (String type : types) {
                        assertTrue(recorded.contains(type), subject + " trail lacks " + type);
                    }
                    if (lastDecisionId != null) {
                        assertTrue(
                                trail.stream().anyMatch(e -> lastDecisionId.equals(decisionId(e))),
                                subject + " trail lacks decision " + lastDecisionId);
                    }
                });
        List<Object> eventIds =
                fullAuditTrail(subject).stream().map(e -> e.get("eventId")).toList();
        assertEquals(eventIds.size(), eventIds.stream().distinct().count(), "each event appended once");
    }

    @SuppressWarnings("unchecked")
    private static Object decisionId(Map<String, Object> entry) {
        Object event = entry.get("event");
        Object data = event instanceof Map ? ((Map<String, Object>) event).get("data") : null;
        return data instanceof Map ? ((Map<String, Object>) data).get("decisionId") : null;
    }

    /** Every entry of the subject's trail, following the cursor from page to page. */
    static List<Map<String, Object>> fullAuditTrail(String subject) {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth()
                    .oauth2(KeycloakTokens.user(AUDREY))
                    .queryParam("subject", subject)
                    .queryParam("limit", 1000);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            Response page = request.when().get(url(AUDIT) + "/v1/events");
            page.then().statusCode(200);
            all.addAll(page.jsonPath().getList("$"));
            cursor = page.header("Tiergate-Next-Cursor");
        } while (cursor != null);
        return all;
    }

    static Response auditTrail(String subject) {
        return given().auth()
                .oauth2(KeycloakTokens.user(AUDREY))
                .queryParam("subject", subject)
                .queryParam("limit", 1000)
                .when()
                .get(url(AUDIT) + "/v1/events");
    }
}
