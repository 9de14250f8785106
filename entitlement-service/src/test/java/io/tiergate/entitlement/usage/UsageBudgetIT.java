package io.tiergate.entitlement.usage;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tiergate.commons.testing.KafkaEvents;
import io.tiergate.commons.testing.KeycloakTokens;
import io.tiergate.entitlement.events.Topics;
import io.tiergate.entitlement.support.GeoIpTestResource;
import io.tiergate.entitlement.support.Policies;
import io.tiergate.entitlement.support.Subjects;
import io.tiergate.entitlement.support.Subjects.Subject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Usage budgets on a published policy: requests per sliding window, reported tokens, per subject and organization. */
@QuarkusTest
@QuarkusTestResource(GeoIpTestResource.class)
class UsageBudgetIT {

    @Inject
    Topics topics;

    static final String REQUESTS = "budget:requests";
    static final String TOKENS = "budget:tokens";
    static final String ORGANIZATION = "budget:organization";
    static final String ORGANIZATION_TOKENS = "budget:organization-tokens";

    /** Each test publishes the budget policy and rolls it back, so no other test meets these budgets. */
    @BeforeEach
    void publish() {
        Policies.publish(Policies.draftWith(Map.of(
                REQUESTS,
                        List.of(Map.of(
                                "tiers",
                                List.of("PUBLIC"),
                                "budgets",
                                List.of(Map.of("scope", "SUBJECT", "window", "PT3S", "requests", 2)))),
                TOKENS,
                        List.of(Map.of(
                                "tiers",
                                List.of("PUBLIC"),
                                "budgets",
                                List.of(Map.of("scope", "SUBJECT", "window", "PT1M", "tokens", 100)))),
                ORGANIZATION,
                        List.of(Map.of(
                                "tiers",
                                List.of("ENTERPRISE"),
                                "budgets",
                                List.of(Map.of("scope", "ORGANIZATION", "window", "PT1M", "requests", 3)))),
                ORGANIZATION_TOKENS,
                        List.of(Map.of(
                                "tiers",
                                List.of("ENTERPRISE"),
                                "budgets",
                                List.of(Map.of("scope", "ORGANIZATION", "window", "PT1M", "tokens", 100)))))));
    }

    @AfterEach
    void rollback() {
        Policies.rollback();
    }

    @Test
    void aSpentRequestBudgetDeniesUntilTheWindowSlides() {
        Subject customer = Subjects.verified("US", "PUBLIC");
        Subjects.decide(customer, REQUESTS, null, null)
                .body("decision", equalTo("ALLOW"))
                .body("budgets[0].requestsLimit", equalTo(2))
                .body("budgets[0].requestsRemaining", equalTo(1))
                .body("budgets[0].window", equalTo("PT3S"));
        Subjects.decide(customer, REQUESTS, null, null)
                .body("decision", equalTo("ALLOW"))
                .body("budgets[0].requestsRemaining", equalTo(0));
        long spent = System.nanoTime();
        Subjects.decide(customer, REQUESTS, null, null)
                .body("decision", equalTo("DENY"))
                .body("reasons.code", equalTo(List.of("BUDGET_EXHAUSTED")))
                .body("budgets[0].requestsRemaining", equalTo(0));
        // another subject has a budget of its own
        Subjects.decide(Subjects.verified("US", "PUBLIC"), REQUESTS, null, null).body("decision", equalTo("ALLOW"));
        await().atMost(Duration.ofSeconds(6))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> "ALLOW"
                        .equals(Subjects.decide(customer, REQUESTS, null, null)
                                .extract()
                                .path("decision")));
        double slid = (System.nanoTime() - spent) / 1e9;
        assertTrue(slid > 1.5, "the window slid after " + slid + " s, not at once");
    }

    @Test
    void aSubjectsUsageShowsWhatIsLeftAndChargesNothing() {
        Subject customer = Subjects.verified("US", "PUBLIC");
        String officer = KeycloakTokens.user(KeycloakTokens.OLIVIA);
        String path = "/v1/subjects/" + customer.id() + "/usage";
        String requests = "capabilities.find { it.capability == '" + REQUESTS + "' }";
        given().auth()
                .oauth2(officer)
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .body(requests + ".decision", equalTo("ALLOW"))
                .body(requests + ".budgets[0].requestsRemaining", equalTo(2));
        // looking again charges nothing; a decision does
        given().auth()
                .oauth2(officer)
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .body(requests + ".budgets[0].requestsRemaining", equalTo(2));
        Subjects.decide(customer, REQUESTS, null, null).body("decision", equalTo("ALLOW"));
        given().auth()
                .oauth2(officer)
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .body(requests + ".budgets[0].requestsRemaining", equalTo(1));
    }

    @Test
    void aCustomerSeesTheirOwnUsageOnly() {
        given().auth()
                .oauth2(KeycloakTokens.user(KeycloakTokens.ALICE))
                .when()
                .get("/v1/subjects/" + KeycloakTokens.ALICE_SUBJECT + "/usage")
                .then()
                .statusCode(200)
                .body("subject", equalTo(KeycloakTokens.ALICE_SUBJECT));
        given().auth()
                .oauth2(KeycloakTokens.user(KeycloakTokens.ALICE))
                .when()
                .get("/v1/subjects/" + KeycloakTokens.BOB_SUBJECT + "/usage")
                .then()
                .statusCode(403)
                .body("code", equalTo("OTHER_SUBJECT_FORBIDDEN"));
        given().auth()
                .oauth2(KeycloakTokens.gateway())
                .when()
                .get("/v1/subjects/" + KeycloakTokens.BOB_SUBJECT + "/usage")
                .then()
                .statusCode(403);
        given().when()
                .get("/v1/subjects/" + KeycloakTokens.BOB_SUBJECT + "/usage")
                .then()
                .statusCode(401);
    }

    @Test
    void reportedTokensSpendATokenBudget() {
        Subject customer = Subjects.verified("US", "PUBLIC");
        String decisionId = Subjects.decide(customer, TOKENS, null, null)
                .body("decision", equalTo("ALLOW"))
                .body("budgets[0].tokensRemaining", equalTo(100))
                .extract()
                .path("decisionId");
        report(Map.of("decisionId", decisionId, "subject", customer.id(), "capability", TOKENS, "tokens", 60))
                .statusCode(202);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Integer.valueOf(40)
                        .equals(Subjects.decide(customer, TOKENS, null, null)
                                .extract()
                                .path("budgets[0].tokensRemaining")));
        report(Map.of("decisionId", decisionId, "subject", customer.id(), "capability", TOKENS, "tokens", 45))
                .statusCode(202);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "BUDGET_EXHAUSTED"
                        .equals(Subjects.decide(customer, TOKENS, null, null)
                                .extract()
                                .path("reasons[0].code")));
        assertTrue(
                KafkaEvents.await(
                                topics.usage(),
                                r -> r.value().contains(UsageEvents.REPORTED)
                                        && r.value().contains(decisionId),
                                Duration.ofSeconds(10))
                        .isPresent(),
                "reports are events");
    }

    @Test
    void anOrganizationBudgetIsSharedByItsMembersAndSharedWithOtherInstances() {
        String organization = UUID.randomUUID().toString();
        Subject first = Subjects.verified(List.of("US"), "US", "ENTERPRISE", organization);
        Subject second = Subjects.verified(List.of("GB"), "GB", "ENTERPRISE", organization);
        Subjects.decide(first, ORGANIZATION, null, null).body("decision", equalTo("ALLOW"));
        Subjects.decide(second, ORGANIZATION, null, null).body("decision", equalTo("ALLOW"));
        Subjects.decide(first, ORGANIZATION, null, null)
                .body("decision", equalTo("ALLOW"))
                .body("budgets[0].scope", equalTo("ORGANIZATION"))
                .body("budgets[0].requestsRemaining", equalTo(0));
        Subjects.decide(second, ORGANIZATION, null, null)
                .body("decision", equalTo("DENY"))
                .body("reasons.code", hasItem("BUDGET_EXHAUSTED"));
        Subjects.decide(
                        Subjects.verified(
                                List.of("US"),
                                "US",
                                "ENTERPRISE",
                                UUID.randomUUID().toString()),
                        ORGANIZATION,
                        null,
                        null)
                .body("decision", equalTo("ALLOW"));
        // what this instance counted goes to the other instances as deltas
        assertTrue(
                KafkaEvents.await(
                                topics.usage(),
                                r -> organization.equals(r.key()) && r.value().contains(UsageEvents.RECORDED),
                                Duration.ofSeconds(10))
                        .isPresent(),
                "shared");
    }

    @Test
    void reportedTokensAreChargedToTheOrganizationWhoseGrantGaveTheTier() {
        String payer = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        // ENTERPRISE through one organization, PUBLIC through another: only the first pays for ENTERPRISE's capability
        Subject member = Subjects.verified(
                List.of("US"),
                "US",
                List.of(new Subjects.Grant("ENTERPRISE", payer), new Subjects.Grant("PUBLIC", other)));
        Subject colleague = Subjects.verified(List.of("US"), "US", "ENTERPRISE", other);
        String decisionId = Subjects.decide(member, ORGANIZATION_TOKENS, null, null)
                .body("decision", equalTo("ALLOW"))
                .extract()
                .path("decisionId");
        report(Map.of(
                        "decisionId",
                        decisionId,
                        "subject",
                        member.id(),
                        "capability",
                        ORGANIZATION_TOKENS,
                        "tokens",
                        150))
                .statusCode(202);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "BUDGET_EXHAUSTED"
                        .equals(Subjects.decide(member, ORGANIZATION_TOKENS, null, null)
                                .extract()
                                .path("reasons[0].code")));
        Subjects.decide(colleague, ORGANIZATION_TOKENS, null, null)
                .body("decision", equalTo("ALLOW"))
                .body("budgets[0].tokensRemaining", equalTo(100));
    }

    @Test
    void whatAnotherInstanceCountedCountsHereToo() {
        Subject customer = Subjects.verified("US", "PUBLIC");
        Subjects.decide(customer, TOKENS, null, null)
                .body("decision", equalTo("ALLOW"))
                .body("budgets[0].tokensRemaining", equalTo(100));
        // another instance shares what it counted for this subject: 150 tokens in the same one-minute window
        KafkaEvents.publish(
                topics.usage(),
                "entitlement-service",
                UsageEvents.RECORDED,
                customer.id(),
                1,
                "{\"instance\":\"another-instance\",\"scope\":\"SUBJECT\",\"holder\":\"" + customer.id()
                        + "\",\"capability\":\"" + TOKENS + "\",\"windowMillis\":60000,\"requests\":1,\"tokens\":150,"
                        + "\"at\":\"" + java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC) + "\"}");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "BUDGET_EXHAUSTED"
                        .equals(Subjects.decide(customer, TOKENS, null, null)
                                .extract()
                                .path("reasons[0].code")));
    }

    @Test
    void onlyGatewaysReportUsageAndBadReportsAreProblems() {
        Map<String, Object> report =
                Map.of("decisionId", UUID.randomUUID().toString(), "subject", "s", "capability", TOKENS, "tokens", 1);
        given().contentType(ContentType.JSON)
                .body(report)
                .when()
                .post("/v1/usage")
                .then()
                .statusCode(401);
        for (String user : List.of(KeycloakTokens.ALICE, KeycloakTokens.OLIVIA, KeycloakTokens.PAULA)) {
            given().auth()
                    .oauth2(KeycloakTokens.user(user))
                    .contentType(ContentType.JSON)
                    .body(report)
                    .when()
                    .post("/v1/usage")
                    .then()
                    .statusCode(403);
        }
        report(Map.of("decisionId", "not-a-uuid", "subject", "s", "capability", TOKENS, "tokens", 1))
                .statusCode(400)
                .contentType(containsString("application/problem+json"));
        report(Map.of("decisionId", UUID.randomUUID().toString(), "subject", "s", "capability", TOKENS, "tokens", -5))
                .statusCode(400)
                .contentType(containsString("application/problem+json"));
        report(Map.of(
                        "decisionId",
                        UUID.randomUUID().toString(),
                        "subject",
                        "s",
                        "capability",
                        TOKENS,
                        "tokens",
                        1,
                        "extra",
                        true))
                .statusCode(400)
                .contentType(containsString("application/problem+json"));
    }

    static io.restassured.response.ValidatableResponse report(Map<String, Object> body) {
        return given().auth()
                .oauth2(KeycloakTokens.gateway())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v1/usage")
                .then()
                .log()
                .ifValidationFails();
    }
}
