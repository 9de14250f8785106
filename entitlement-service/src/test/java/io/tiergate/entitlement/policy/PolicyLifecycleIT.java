package io.tiergate.entitlement.policy;

import static io.restassured.RestAssured.given;
import static io.tiergate.commons.testing.KeycloakTokens.AUDREY;
import static io.tiergate.commons.testing.KeycloakTokens.OLIVIA;
import static io.tiergate.commons.testing.KeycloakTokens.OSCAR;
import static io.tiergate.commons.testing.KeycloakTokens.PAULA;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tiergate.commons.testing.KafkaEvents;
import io.tiergate.commons.testing.KeycloakTokens;
import io.tiergate.entitlement.support.GeoIpTestResource;
import io.tiergate.entitlement.support.Policies;
import io.tiergate.entitlement.support.Subjects;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Draft → validate → diff → what-if → publish → roll back, against the real database, Kafka and Keycloak. */
@QuarkusTest
@QuarkusTestResource(GeoIpTestResource.class)
class PolicyLifecycleIT {

    @Test
    void aPublishedVersionDecidesAndARollbackPutsThePreviousOneBack() {
        String capability = "test-" + UUID.randomUUID().toString().substring(0, 8) + ":chat";
        Subjects.Subject customer = Subjects.verified("US", "PUBLIC");
        String before = Subjects.decide(customer, capability, "US", null)
                .body("decision", equalTo("DENY"))
                .body("reasons.code", hasItem("UNKNOWN_CAPABILITY"))
                .extract()
                .path("policyVersion");

        String draft = Policies.draftWith(Map.of(
                capability,
                List.of(Map.of("tiers", List.of("PUBLIC"), "obligations", List.of("structured-output-only")))));
        Policies.get(AUDREY, "/v1/policies/" + draft + "/validation")
                .statusCode(200)
                .body("valid", equalTo(true));
        Policies.get(OLIVIA, "/v1/policies/" + draft + "/diff")
                .statusCode(200)
                .body("from", equalTo(before))
                .body("added", equalTo(List.of(capability)))
                .body("removed", equalTo(List.of()))
                .body("changed", equalTo(List.of()));
        // what-if: the draft would allow, the policy in force still denies
        Policies.post(OLIVIA, "/v1/policies/" + draft + "/what-if", Subjects.request(customer, capability, "US", null))
                .statusCode(200)
                .body("decision", equalTo("ALLOW"))
                .body("policyVersion", equalTo(draft))
                .body("obligations", equalTo(List.of("structured-output-only")));
        Subjects.decide(customer, capability, "US", null).body("decision", equalTo("DENY"));

        Policies.publish(draft);
        try {
            Subjects.decide(customer, capability, "US", null)
                    .body("decision", equalTo("ALLOW"))
                    .body("policyVersion", equalTo(draft))
                    .body("obligations", hasItem("structured-output-only"));
            Policies.get(PAULA, "/v1/policies")
                    .statusCode(200)
                    .body("find { it.version == '" + draft + "' }.inForce", equalTo(true))
                    .body("find { it.version == '" + before + "' }.status", equalTo("SUPERSEDED"));
            Policies.post(OLIVIA, "/v1/policies/" + draft + "/publication", null)
                    .statusCode(409)
                    .body("code", equalTo("POLICY_ALREADY_IN_FORCE"));
            assertTrue(
                    KafkaEvents.await(
                                    "tiergate.entitlement",
                                    r -> r.value().contains(PolicyService.PUBLISHED)
                                            && r.value().contains(draft),
                                    Duration.ofSeconds(20))
                            .isPresent(),
                    "announced and audited");
        } finally {
            Policies.rollback();
        }
        Subjects.decide(customer, capability, "US", null)
                .body("decision", equalTo("DENY"))
                .body("policyVersion", equalTo(before))
                .body("reasons.code", hasItem("UNKNOWN_CAPABILITY"));
        Policies.get(AUDREY, "/v1/policies/publications")
                .statusCode(200)
                .body("[0].version", equalTo(before))
                .body("[0].kind", equalTo("ROLLBACK"))
                .body("[0].previousVersion", equalTo(draft));
    }

    @Test
    void aPublicationNeedsASecondOfficerAndAPlatformAdminMayActAloneAsBreakGlass() {
        String capability = "test-" + UUID.randomUUID().toString().substring(0, 8) + ":chat";
        Subjects.Subject customer = Subjects.verified("US", "PUBLIC");
        String before =
                Subjects.decide(customer, capability, "US", null).extract().path("policyVersion");
        String first = Policies.draftWith(Map.of(capability, List.of(Map.of("tiers", List.of("PUBLIC")))));
        String second = Policies.draftWith(Map.of(capability, List.of(Map.of("tiers", List.of("PUBLIC")))));

        String request = Policies.post(OLIVIA, "/v1/policies/" + first + "/publication", null)
                .statusCode(202)
                .body("status", equalTo("PENDING"))
                .body("kind", equalTo("PUBLISH"))
                .body("against", equalTo(before))
                .extract()
                .path("id");
        Subjects.decide(customer, capability, "US", null)
                .body("decision", equalTo("DENY"))
                .body("policyVersion", equalTo(before));
        Policies.get(AUDREY, "/v1/policies/publication-requests")
                .statusCode(200)
                .body("find { it.id == '" + request + "' }.requestedBy", not(equalTo(null)));
        assertTrue(
                KafkaEvents.await(
                                "tiergate.entitlement",
                                r -> r.value().contains(PolicyService.PUBLICATION_REQUESTED)
                                        && r.value().contains(request),
                                Duration.ofSeconds(20))
                        .isPresent(),
                "the request is audited");

        Policies.confirm(OLIVIA, request).statusCode(403).body("code", equalTo("CONFIRMER_IS_REQUESTER"));
        for (String user : List.of(KeycloakTokens.ALICE, AUDREY)) {
            Policies.confirm(user, request).statusCode(403);
        }
        given().when()
                .post("/v1/policies/publication-requests/" + request + "/confirmation")
                .then()
                .statusCode(401);
        Policies.post(OLIVIA, "/v1/policies/" + second + "/publication?breakGlass=true", null)
                .statusCode(403)
                .body("code", equalTo("BREAK_GLASS_FORBIDDEN"));
        Policies.confirm(OSCAR, UUID.randomUUID().toString())
                .statusCode(404)
                .body("code", equalTo("PUBLICATION_REQUEST_NOT_FOUND"));

        // a platform admin alone, as break-glass: in force at once and flagged; the pending request is now stale
        Policies.post(PAULA, "/v1/policies/" + second + "/publication?breakGlass=true", null)
                .statusCode(200)
                .body("version", equalTo(second))
                .body("breakGlass", equalTo(true))
                .body("confirmedBy", equalTo(null));
        try {
            Subjects.decide(customer, capability, "US", null)
                    .body("decision", equalTo("ALLOW"))
                    .body("policyVersion", equalTo(second));
            Policies.confirm(OSCAR, request).statusCode(409).body("code", equalTo("PUBLICATION_REQUEST_DECIDED"));
            Policies.get(AUDREY, "/v1/policies/publications")
                    .statusCode(200)
                    .body("[0].version", equalTo(second))
                    .body("[0].breakGlass", equalTo(true));
            assertTrue(
                    KafkaEvents.await(
                                    "tiergate.entitlement",
                                    r -> r.value().contains(PolicyService.PUBLISHED)
                                            && r.value().contains(second)
                                            && r.value().contains("\"breakGlass\":true"),
                                    Duration.ofSeconds(20))
                            .isPresent(),
                    "break-glass is flagged in the event");
        } finally {
            Policies.rollback();
        }
        Policies.get(AUDREY, "/v1/policies/publications")
                .statusCode(200)
                .body("[0].version", equalTo(before))
                .body("[0].confirmedBy", not(equalTo(null)))
                .body("[0].breakGlass", equalTo(false));
    }

    @Test
    void anInvalidDraftIsKeptButNeverPublished() {
        String version = "invalid-" + UUID.randomUUID();
        Policies.post(
                        OLIVIA,
                        "/v1/policies",
                        Map.of(
                                "version",
                                version,
                                "capabilities",
                                Map.of(
                                        "Not A Capability", List.of(Map.of("tiers", List.of("PUBLIC"))),
                                        "fable-5:chat",
                                                List.of(Map.of(
                                                        "tiers",
                                                        List.of("PLATINUM"),
                                                        "allowedNationalities",
                                                        List.of("XX"),
                                                        "budgets",
                                                        List.of(Map.of("window", "PT0S")))))))
                .statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("validation.valid", equalTo(false))
                .body("validation.errors.field", hasItem("capabilities"))
                .body("validation.errors.field", hasItem("capabilities.fable-5:chat[0].tiers"))
                .body("validation.errors.field", hasItem("capabilities.fable-5:chat[0].allowedNationalities"))
                .body("validation.errors.field", hasItem("capabilities.fable-5:chat[0].budgets[0].window"));
        Policies.post(PAULA, "/v1/policies/" + version + "/publication", null)
                .statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("code", equalTo("POLICY_INVALID"));
        Policies.get(PAULA, "/v1/policies")
                .statusCode(200)
                .body("find { it.version == '" + version + "' }.inForce", equalTo(false));
        Policies.post(OLIVIA, "/v1/policies", Map.of("version", version, "capabilities", Map.of()))
                .statusCode(409)
                .body("code", equalTo("POLICY_VERSION_EXISTS"));
    }

    @Test
    void malformedDraftsAreProblems() {
        Policies.post(OLIVIA, "/v1/policies", Map.of("version", "x", "capabilities", Map.of(), "surprise", 1))
                .statusCode(400)
                .contentType(containsString("application/problem+json"));
        Policies.post(OLIVIA, "/v1/policies", Map.of("version", "has spaces", "capabilities", Map.of()))
                .statusCode(400)
                .body("code", not(equalTo(null)));
        Policies.post(
                        OLIVIA,
                        "/v1/policies",
                        Map.of(
                                "version",
                                "x2",
                                "capabilities",
                                Map.of(
                                        "a:b",
                                        List.of(Map.of(
                                                "tiers", List.of("PUBLIC"), "onJurisdictionMismatch", "MAYBE")))))
                .statusCode(400)
                .contentType(containsString("application/problem+json"));
        Policies.get(OLIVIA, "/v1/policies/no-such-version").statusCode(404).body("code", equalTo("POLICY_NOT_FOUND"));
    }

    @Test
    void onlyOfficersAndAdminsManagePolicyAndAuditorsRead() {
        Map<String, Object> draft = Map.of("version", "refused-" + UUID.randomUUID(), "capabilities", Map.of());
        given().contentType(ContentType.JSON)
                .body(draft)
                .when()
                .post("/v1/policies")
                .then()
                .statusCode(401);
        for (String user : List.of(KeycloakTokens.ALICE, AUDREY)) {
            Policies.post(user, "/v1/policies", draft).statusCode(403);
            Policies.post(user, "/v1/policies/rollback", null).statusCode(403);
        }
        given().auth()
                .oauth2(KeycloakTokens.gateway())
                .contentType(ContentType.JSON)
                .body(draft)
                .when()
                .post("/v1/policies")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(KeycloakTokens.gateway())
                .when()
                .get("/v1/policies")
                .then()
                .statusCode(403);
        Policies.get(KeycloakTokens.ALICE, "/v1/policies").statusCode(403);
        Policies.get(AUDREY, "/v1/policies").statusCode(200);
    }
}
