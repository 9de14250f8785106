package io.tiergate.tier.request;

import static io.tiergate.commons.testing.KeycloakTokens.ALICE;
import static io.tiergate.commons.testing.KeycloakTokens.ALICE_SUBJECT;
import static io.tiergate.commons.testing.KeycloakTokens.AUDREY;
import static io.tiergate.commons.testing.KeycloakTokens.BOB;
import static io.tiergate.commons.testing.KeycloakTokens.CAROL;
import static io.tiergate.commons.testing.KeycloakTokens.CAROL_SUBJECT;
import static io.tiergate.commons.testing.KeycloakTokens.OLIVIA;
import static io.tiergate.commons.testing.KeycloakTokens.OLIVIA_SUBJECT;
import static io.tiergate.commons.testing.KeycloakTokens.OSCAR;
import static io.tiergate.commons.testing.KeycloakTokens.OSCAR_SUBJECT;
import static io.tiergate.commons.testing.KeycloakTokens.OWEN;
import static io.tiergate.tier.TierFixtures.JUSTIFICATION;
import static io.tiergate.tier.TierFixtures.effectiveTiers;
import static io.tiergate.tier.TierFixtures.get;
import static io.tiergate.tier.TierFixtures.join;
import static io.tiergate.tier.TierFixtures.organization;
import static io.tiergate.tier.TierFixtures.post;
import static io.tiergate.tier.TierFixtures.verifiedPerson;
import static io.tiergate.tier.TierFixtures.verify;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.tiergate.commons.testing.EventSchemas;
import io.tiergate.commons.testing.KafkaEvents;
import io.tiergate.commons.testing.KeycloakTokens;
import io.tiergate.tier.grant.TierEvents;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TierRequestResourceIT {

    static Map<String, Object> requestFor(String holderField, String holder, String tier) {
        Map<String, Object> body = new HashMap<>();
        if (holderField != null) {
            body.put(holderField, holder);
        }
        body.put("tier", tier);
        body.put("justification", JUSTIFICATION);
        body.put("intendedUse", "Evaluating model safety on our red-team corpus");
        return body;
    }

    /** The tier claim of a freshly issued token: what Keycloak says now, not what an old token said. */
    @SuppressWarnings("unchecked")
    static List<String> tierClaim(String user) {
        String payload = KeycloakTokens.fresh(user).split("\\.")[1];
        try {
            Map<String, Object> claims = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readValue(Base64.getUrlDecoder().decode(payload), Map.class);
            return (List<String>) claims.getOrDefault("tier", List.of());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aResearchGrantNeedsTwoDistinctOfficersAndShowsInTheTierClaimUntilRevoked() {
        // carol is a fixed realm user: start from no organization, whatever earlier runs left behind.
        io.tiergate.tier.TierFixtures.tx(
                        () -> io.tiergate.tier.identity.OrganizationMembership.organizationsOf(CAROL_SUBJECT))
                .forEach(organization -> io.tiergate.tier.TierFixtures.leave(CAROL_SUBJECT, organization));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> effectiveTiers(AUDREY, CAROL_SUBJECT).stream()
                        .noneMatch(t -> "RESEARCH".equals(t.get("tier"))));
        UUID lab = organization("RESEARCH_INSTITUTION", "US");
        verify(CAROL_SUBJECT, "US");
        join(CAROL_SUBJECT, lab);
        String id = post(CAROL, "/v1/tier-requests", requestFor("organizationId", lab.toString(), "RESEARCH"))
                .statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("holderKind", equalTo("ORGANIZATION"))
                .body("requiredApprovals", equalTo(2))
                .body("requestedBy", equalTo(CAROL_SUBJECT))
                .extract()
                .path("id");
        get(OWEN, "/v1/tier-requests").statusCode(200).body("id", hasItem(id));

        post(OLIVIA, "/v1/tier-requests/" + id + "/approvals", Map.of("comment", "contract checked"))
                .statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("approvals.officer", equalTo(List.of(OLIVIA_SUBJECT)));
        post(OLIVIA, "/v1/tier-requests/" + id + "/approvals", Map.of())
                .statusCode(409)
                .body("code", equalTo("FOUR_EYES_SAME_OFFICER"));
        String grant = post(OSCAR, "/v1/tier-requests/" + id + "/approvals", Map.of())
                .statusCode(200)
                .body("status", equalTo("GRANTED"))
                .body("grant.tier", equalTo("RESEARCH"))
                .body("grant.requestId", equalTo(id))
                .extract()
                .path("grantId");
        get(CAROL, "/v1/tier-requests/" + id).statusCode(200).body("approvals", hasSize(2));
        get(AUDREY, "/v1/subjects/" + CAROL_SUBJECT + "/tier")
                .statusCode(200)
                .body("tiers.findAll { it.grantId == '" + grant + "' }.via", equalTo(List.of("ORGANIZATION")));

        for (String type : List.of(TierEvents.REQUESTED, TierEvents.APPROVED)) {
            var event = KafkaEvents.await(
                    TierEvents.TOPIC,
                    r -> r.value().contains(id) && r.value().contains("\"type\":\"" + type + "\""),
                    Duration.ofSeconds(20));
            assertTrue(event.isPresent(), type + " is published");
            EventSchemas.assertValid(event.get().value());
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> tierClaim(CAROL).contains("RESEARCH"));
        post(OWEN, "/v1/grants/" + grant + "/revocation", Map.of("reason", "Project closed"))
                .statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> !tierClaim(CAROL).contains("RESEARCH"));
    }

    @Test
    void anOfficerCannotApproveTheirOwnOrganizationsOrTheirOwnRequest() {
        UUID lab = organization("RESEARCH_INSTITUTION", "US");
        join(OSCAR_SUBJECT, lab);
        String id = post(OLIVIA, "/v1/tier-requests", requestFor("organizationId", lab.toString(), "RESEARCH"))
                .statusCode(201)
                .extract()
                .path("id");
        post(OSCAR, "/v1/tier-requests/" + id + "/approvals", Map.of())
                .statusCode(403)
                .body("code", equalTo("OWN_ORGANIZATION_FORBIDDEN"));
        post(OLIVIA, "/v1/tier-requests/" + id + "/approvals", Map.of())
                .statusCode(403)
                .body("code", equalTo("APPROVER_IS_REQUESTER"));
        post(OWEN, "/v1/tier-requests/" + id + "/approvals", Map.of())
                .statusCode(200)
                .body("status", equalTo("PENDING"));
        post(OWEN, "/v1/tier-requests/" + id + "/denial", Map.of("reason", "no second independent officer"))
                .statusCode(200)
                .body("status", equalTo("DENIED"));
        post(OWEN, "/v1/tier-requests/" + id + "/approvals", Map.of())
                .statusCode(409)
                .body("code", equalTo("REQUEST_NOT_PENDING"));
        var denied = KafkaEvents.await(
                TierEvents.TOPIC,
                r -> r.value().contains(id) && r.value().contains(TierEvents.DENIED),
                Duration.ofSeconds(20));
        assertTrue(denied.isPresent());
        EventSchemas.assertValid(denied.get().value());
    }

    @Test
    void anOfficerCannotApproveARequestAboutThemselves() {
        UUID company = organization("COMPANY", "US");
        verify(OLIVIA_SUBJECT, "US");
        join(OLIVIA_SUBJECT, company);
        String id = post(OSCAR, "/v1/tier-requests", requestFor("subject", OLIVIA_SUBJECT, "ENTERPRISE"))
                .statusCode(201)
                .extract()
                .path("id");
        post(OLIVIA, "/v1/tier-requests/" + id + "/approvals", Map.of())
                .statusCode(403)
                .body("code", equalTo("SELF_DECISION_FORBIDDEN"));
        post(OWEN, "/v1/tier-requests/" + id + "/denial", Map.of("reason", "test"))
                .statusCode(200);
    }

    @Test
    void requestsNameEveryUnmetRequirement() {
        post(BOB, "/v1/tier-requests", Map.of("tier", "GOVERNMENT", "justification", JUSTIFICATION))
                .statusCode(422)
                .body("code", equalTo("REQUIREMENTS_NOT_MET"))
                .body(
                        "errors.field",
                        hasItems(
                                "ORGANIZATION_MEMBER",
                                "NATIONALITY_OF_ORGANIZATION_COUNTRY",
                                "RESIDENCE_IN_ORGANIZATION_COUNTRY"));
        UUID agency = organization("GOVERNMENT_AGENCY", "US");
        String foreigner = verifiedPerson("DE");
        join(foreigner, agency);
        post(OLIVIA, "/v1/tier-requests", requestFor("subject", foreigner, "GOVERNMENT"))
                .statusCode(422)
                .body(
                        "errors.field",
                        equalTo(List.of("NATIONALITY_OF_ORGANIZATION_COUNTRY", "RESIDENCE_IN_ORGANIZATION_COUNTRY")));
        String national = verifiedPerson("US");
        join(national, agency);
        post(OLIVIA, "/v1/tier-requests", requestFor("subject", national, "GOVERNMENT"))
                .statusCode(201)
                .body("requiredApprovals", equalTo(2));
        UUID lab = organization("RESEARCH_INSTITUTION", "US");
        Map<String, Object> noUse = requestFor("organizationId", lab.toString(), "RESEARCH");
        noUse.remove("intendedUse");
        post(OLIVIA, "/v1/tier-requests", noUse)
                .statusCode(422)
                .body("errors.field", equalTo(List.of("INTENDED_USE_STATED")));
        post(BOB, "/v1/tier-requests", requestFor("subject", ALICE_SUBJECT, "PUBLIC"))
                .statusCode(403)
                .body("code", equalTo("OTHER_SUBJECT_FORBIDDEN"));
        post(BOB, "/v1/tier-requests", requestFor("organizationId", lab.toString(), "RESEARCH"))
                .statusCode(403)
                .body("code", equalTo("NOT_ORGANIZATION_MEMBER"));
    }

    @Test
    void aRenewalGoesThroughTheSameApprovalRules() {
        String person = verifiedPerson("US");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !effectiveTiers(AUDREY, person).isEmpty());
        String grant = (String) effectiveTiers(AUDREY, person).get(0).get("grantId");
        String until =
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(400).withNano(0).toString();
        String renewal = post(
                        OLIVIA,
                        "/v1/grants/" + grant + "/renewal",
                        Map.of("justification", "Annual review passed", "expiresAt", until))
                .statusCode(201)
                .body("kind", equalTo("RENEWAL"))
                .body("requiredApprovals", equalTo(1))
                .extract()
                .path("id");
        post(OLIVIA, "/v1/tier-requests/" + renewal + "/approvals", Map.of())
                .statusCode(403)
                .body("code", equalTo("APPROVER_IS_REQUESTER"));
        post(OSCAR, "/v1/tier-requests/" + renewal + "/approvals", Map.of())
                .statusCode(200)
                .body("status", equalTo("GRANTED"))
                .body("grant.expiresAt", notNullValue());
        get(AUDREY, "/v1/grants/" + grant + "/history")
                .statusCode(200)
                .body("action", equalTo(List.of("GRANTED", "RENEWED")));
        var renewed = KafkaEvents.await(
                TierEvents.TOPIC,
                r -> r.value().contains(grant) && r.value().contains(TierEvents.RENEWED),
                Duration.ofSeconds(20));
        assertTrue(renewed.isPresent());
        EventSchemas.assertValid(renewed.get().value());
        post(BOB, "/v1/grants/" + grant + "/renewal", Map.of("justification", "mine?"))
                .statusCode(403)
                .body("code", equalTo("NOT_GRANT_HOLDER"));
    }

    @Test
    void theQueueIsOldestFirstAndForOfficersAndAuditorsOnly() {
        String first = post(OLIVIA, "/v1/tier-requests", requestFor("subject", verifiedPerson("US"), "GOVERNMENT"))
                .statusCode(422)
                .extract()
                .path("code"); // unmet: not in the queue
        assertTrue("REQUIREMENTS_NOT_MET".equals(first));
        List<String> requestedAt = get(OWEN, "/v1/tier-requests?limit=1000")
                .statusCode(200)
                .extract()
                .path("requestedAt");
        List<String> sorted = requestedAt.stream()
                .sorted((a, b) -> OffsetDateTime.parse(a).compareTo(OffsetDateTime.parse(b)))
                .toList();
        assertTrue(requestedAt.equals(sorted), "oldest first");
        get(AUDREY, "/v1/tier-requests").statusCode(200);
        get(ALICE, "/v1/tier-requests").statusCode(403);
        post(AUDREY, "/v1/tier-requests/" + UUID.randomUUID() + "/approvals", Map.of())
                .statusCode(403);
        post(ALICE, "/v1/tier-requests/" + UUID.randomUUID() + "/approvals", Map.of())
                .statusCode(403);
        post(ALICE, "/v1/tier-requests/" + UUID.randomUUID() + "/denial", Map.of("reason", "x"))
                .statusCode(403);
        post(KeycloakTokens.PAULA, "/v1/tier-requests", requestFor(null, null, "PUBLIC"))
                .statusCode(403);
        io.restassured.RestAssured.given()
                .when()
                .get("/v1/tier-requests")
                .then()
                .statusCode(401);
        post(OLIVIA, "/v1/tier-requests/" + UUID.randomUUID() + "/approvals", Map.of())
                .statusCode(404)
                .body("code", equalTo("REQUEST_NOT_FOUND"));
        post(OLIVIA, "/v1/tier-requests", Map.of("tier", "PUBLIC", "justification", "x", "subject", "s", "extra", 1))
                .statusCode(400)
                .body("code", not(equalTo("REQUIREMENTS_NOT_MET")));
    }
}
