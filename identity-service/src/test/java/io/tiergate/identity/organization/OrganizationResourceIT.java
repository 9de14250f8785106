package io.tiergate.identity.organization;

import static io.restassured.RestAssured.given;
import static io.tiergate.commons.testing.KeycloakTokens.ALICE;
import static io.tiergate.commons.testing.KeycloakTokens.ALICE_SUBJECT;
import static io.tiergate.commons.testing.KeycloakTokens.AUDREY;
import static io.tiergate.commons.testing.KeycloakTokens.BOB;
import static io.tiergate.commons.testing.KeycloakTokens.BOB_SUBJECT;
import static io.tiergate.commons.testing.KeycloakTokens.OLIVIA;
import static io.tiergate.commons.testing.KeycloakTokens.OLIVIA_SUBJECT;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tiergate.commons.testing.KafkaEvents;
import io.tiergate.commons.testing.KeycloakTokens;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Against the real test Keycloak, PostgreSQL and Kafka started by {@code deploy/tiergate test}. */
@QuarkusTest
class OrganizationResourceIT {

    static final String LEGAL_NAME = "Northwind Research GmbH";
    static final String OWNER_NAME = "Greta Lindqvist";
    static final String REPRESENTATIVE_NAME = "Henrik Olsen";
    static final String EMBARGOED_COUNTRY = "IR";
    static final Duration EVENT_WAIT = Duration.ofSeconds(20);

    @Inject
    EntityManager entityManager;

    /** Each organization gets its own registration number, so a test can find exactly its rows. */
    static String registrationNumber() {
        return "HRB " + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    }

    static Map<String, Object> organization(String registrationNumber, String country, String ownerNationality) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("legalName", LEGAL_NAME);
        body.put("registrationNumber", registrationNumber);
        body.put("countryOfIncorporation", country);
        body.put("kind", "RESEARCH_INSTITUTION");
        body.put(
                "beneficialOwners",
                List.of(Map.of("name", OWNER_NAME, "nationality", ownerNationality, "ownershipPercent", 60)));
        body.put("representatives", List.of(Map.of("name", REPRESENTATIVE_NAME, "nationality", "SE")));
        return body;
    }

    static JsonPath register(String user, Map<String, Object> body) {
        return JsonPath.from(given().auth()
                .oauth2(KeycloakTokens.user(user))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v1/organizations")
                .then()
                .statusCode(201)
                .extract()
                .asString());
    }

    static String registerVerified(String user) {
        return register(user, organization(registrationNumber(), "DE", "DE")).getString("id");
    }

    static io.restassured.response.ValidatableResponse addMember(
            String user, String organizationId, String subject, String role) {
        return given().auth()
                .oauth2(KeycloakTokens.user(user))
                .contentType(ContentType.JSON)
                .body(Map.of("subject", subject, "role", role))
                .when()
                .post("/v1/organizations/" + organizationId + "/members")
                .then();
    }

    static io.restassured.response.ValidatableResponse removeMember(
            String user, String organizationId, String subject) {
        return given().auth()
                .oauth2(KeycloakTokens.user(user))
                .when()
                .delete("/v1/organizations/" + organizationId + "/members/" + subject)
                .then();
    }

    static io.restassured.response.ValidatableResponse read(String user, String organizationId) {
        return given().auth()
                .oauth2(KeycloakTokens.user(user))
                .when()
                .get("/v1/organizations/" + organizationId)
                .then();
    }

    /** The event of this type whose data names the organization and passes {@code also}, parsed. */
    static JsonPath awaitEvent(String type, String organizationId, java.util.function.Predicate<JsonPath> also) {
        var record = KafkaEvents.await(
                OrganizationEvents.TOPIC,
                r -> {
                    if (!r.value().contains(organizationId) || !r.value().contains("\"type\":\"" + type + "\"")) {
                        return false;
                    }
                    JsonPath event = JsonPath.from(r.value());
                    return organizationId.equals(event.getString("data.organizationId")) && also.test(event);
                },
                EVENT_WAIT);
        assertTrue(record.isPresent(), type + " for " + organizationId + " reaches Kafka through the outbox");
        ConsumerRecord<String, String> found = record.get();
        JsonPath event = JsonPath.from(found.value());
        assertEquals(event.getString("subject"), found.key(), "keyed by the event's subject");
        return event;
    }

    static JsonPath awaitMembershipChange(String organizationId, String subject, boolean member) {
        return awaitEvent(
                OrganizationEvents.MEMBERSHIP_CHANGED,
                organizationId,
                e -> subject.equals(e.getString("subject")) && e.getBoolean("data.member") == member);
    }

    long organizationRows(String registrationNumber) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery("SELECT count(*) FROM organization WHERE registration_number = ?1")
                                .setParameter(1, registrationNumber)
                                .getSingleResult())
                        .longValue());
    }

    @Test
    void verifiedOrganizationIsRegisteredWithItsSubmitterAsRepresentativeAndPublished() {
        JsonPath created = register(ALICE, organization(registrationNumber(), "DE", "SE"));
        String id = created.getString("id");
        assertEquals("VERIFIED", created.getString("status"));
        assertEquals(LEGAL_NAME, created.getString("legalName"));
        assertEquals("DE", created.getString("countryOfIncorporation"));
        assertEquals("RESEARCH_INSTITUTION", created.getString("kind"));
        assertTrue(created.getList("reasons").isEmpty());
        assertEquals(List.of(Map.of("subject", ALICE_SUBJECT, "role", "REPRESENTATIVE")), created.getList("members"));
        assertTrue(created.getString("consistencyToken").startsWith("identity-service:" + id + ":"));

        read(ALICE, id)
                .statusCode(200)
                .body("status", equalTo("VERIFIED"))
                .body("members.subject", equalTo(List.of(ALICE_SUBJECT)))
                .body("consistencyToken", nullValue());

        JsonPath verdict = awaitEvent(OrganizationEvents.VERIFIED, id, e -> true);
        assertEquals(id, verdict.getString("subject"));
        assertEquals("RESEARCH_INSTITUTION", verdict.getString("data.kind"));
        assertEquals("VERIFIED", verdict.getString("data.status"));
        assertEquals("DE", verdict.getString("data.countryOfIncorporation"));
        assertTrue(verdict.getList("data.reasons").isEmpty());
        String json = verdict.prettify();
        assertFalse(
                json.contains(OWNER_NAME) || json.contains(REPRESENTATIVE_NAME) || json.contains(LEGAL_NAME),
                "no names in events: " + json);

        JsonPath founder = awaitMembershipChange(id, ALICE_SUBJECT, true);
        assertEquals("REPRESENTATIVE", founder.getString("data.role"));
        assertEquals(ALICE_SUBJECT, founder.getString("data.actor"));
    }

    @Test
    void peoplesNamesAreEncryptedAtRest() {
        String id = registerVerified(ALICE);
        List<?> names = QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("SELECT name FROM organization_party WHERE organization_id = ?1")
                        .setParameter(1, UUID.fromString(id))
                        .getResultList());
        assertEquals(2, names.size());
        for (Object stored : names) {
            assertFalse(stored.toString().contains("Greta") || stored.toString().contains("Henrik"), stored.toString());
        }
        List<OrganizationParty> parties = QuarkusTransaction.requiringNew()
                .call(() -> OrganizationParty.<OrganizationParty>list("organizationId", UUID.fromString(id)));
        assertTrue(parties.stream().anyMatch(p -> OWNER_NAME.equals(p.name) && p.kind == PartyKind.BENEFICIAL_OWNER));
    }

    @Test
    void embargoedCountryOfIncorporationIsRejectedWithTheRuleNamed() {
        JsonPath created = register(BOB, organization(registrationNumber(), EMBARGOED_COUNTRY, "DE"));
        String id = created.getString("id");
        assertEquals("REJECTED", created.getString("status"));
        assertEquals(List.of(OrganizationRules.EMBARGOED_INCORPORATION), created.getList("reasons.code"));
        assertTrue(created.getString("reasons[0].message").contains("rule: embargoed-incorporation"));

        JsonPath verdict = awaitEvent(OrganizationEvents.REJECTED, id, e -> true);
        assertEquals("REJECTED", verdict.getString("data.status"));
        assertEquals(EMBARGOED_COUNTRY, verdict.getString("data.countryOfIncorporation"));
        assertEquals(List.of(OrganizationRules.EMBARGOED_INCORPORATION), verdict.getList("data.reasons"));
    }

    @Test
    void embargoedNationalityOfAnOwnerIsRejected() {
        given().auth()
                .oauth2(KeycloakTokens.user(BOB))
                .contentType(ContentType.JSON)
                .body(organization(registrationNumber(), "DE", "KP"))
                .when()
                .post("/v1/organizations")
                .then()
                .statusCode(201)
                .body("status", equalTo("REJECTED"))
                .body("reasons.code", equalTo(List.of(OrganizationRules.EMBARGOED_NATIONALITY)))
                .body("reasons[0].message", containsString("beneficial owner 1"))
                .body("reasons[0].message", not(containsString(OWNER_NAME)));
    }

    @Test
    void joiningAndLeavingArePublishedAndKeptAsHistory() {
        String id = registerVerified(ALICE);

        addMember(ALICE, id, BOB_SUBJECT, "MEMBER")
                .statusCode(201)
                .body("organizationId", equalTo(id))
                .body("subject", equalTo(BOB_SUBJECT))
                .body("role", equalTo("MEMBER"))
                .body("member", equalTo(true))
                .body("consistencyToken", startsWith("identity-service:" + BOB_SUBJECT + ":"));
        read(BOB, id).statusCode(200).body("members.subject", hasItem(BOB_SUBJECT));
        addMember(ALICE, id, BOB_SUBJECT, "REPRESENTATIVE")
                .statusCode(409)
                .contentType(containsString("application/problem+json"))
                .body("code", equalTo("MEMBERSHIP_ALREADY_ACTIVE"));

        removeMember(BOB, id, BOB_SUBJECT)
                .statusCode(200)
                .body("organizationId", equalTo(id))
                .body("subject", equalTo(BOB_SUBJECT))
                .body("member", equalTo(false))
                .body("consistencyToken", startsWith("identity-service:" + BOB_SUBJECT + ":"))
                .body("role", nullValue());
        read(BOB, id).statusCode(403);
        removeMember(BOB, id, BOB_SUBJECT).statusCode(404).body("code", equalTo("MEMBERSHIP_NOT_FOUND"));

        JsonPath joined = awaitMembershipChange(id, BOB_SUBJECT, true);
        assertEquals("MEMBER", joined.getString("data.role"));
        assertEquals(ALICE_SUBJECT, joined.getString("data.actor"));
        JsonPath left = awaitMembershipChange(id, BOB_SUBJECT, false);
        assertEquals(BOB_SUBJECT, left.getString("data.actor"));
        assertTrue(left.getLong("tiergateversion") > joined.getLong("tiergateversion"));

        // Rejoining opens a new period; the closed one stays.
        addMember(OLIVIA, id, BOB_SUBJECT, "MEMBER").statusCode(201);
        List<?> periods = QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("""
                        SELECT added_by, removed_by, left_at IS NOT NULL FROM organization_member
                        WHERE organization_id = ?1 AND subject = ?2 ORDER BY joined_at""")
                        .setParameter(1, UUID.fromString(id))
                        .setParameter(2, BOB_SUBJECT)
                        .getResultList());
        assertEquals(2, periods.size());
        Object[] first = (Object[]) periods.get(0);
        Object[] second = (Object[]) periods.get(1);
        assertEquals(List.of(ALICE_SUBJECT, BOB_SUBJECT, true), java.util.Arrays.asList(first));
        assertEquals(OLIVIA_SUBJECT, second[0]);
        assertEquals(false, second[2]);
    }

    @Test
    void representativesAndOfficersManageMembersWhileOthersAreRefused() {
        String id = registerVerified(ALICE);
        String colleague = UUID.randomUUID().toString();

        // A stranger may neither read nor manage the organization.
        read(BOB, id)
                .statusCode(403)
                .contentType(containsString("application/problem+json"))
                .body("code", equalTo("NOT_AN_ORGANIZATION_MEMBER"));
        addMember(BOB, id, BOB_SUBJECT, "REPRESENTATIVE")
                .statusCode(403)
                .body("code", equalTo("NOT_AN_ORGANIZATION_REPRESENTATIVE"));
        removeMember(BOB, id, ALICE_SUBJECT)
                .statusCode(403)
                .body("code", equalTo("NOT_AN_ORGANIZATION_REPRESENTATIVE"));

        // Auditors and officers read any organization; auditors change nothing, customers of other roles neither.
        read(AUDREY, id).statusCode(200).body("members.subject", equalTo(List.of(ALICE_SUBJECT)));
        read(OLIVIA, id).statusCode(200);
        addMember(AUDREY, id, colleague, "MEMBER").statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().auth()
                .oauth2(KeycloakTokens.user(OLIVIA))
                .contentType(ContentType.JSON)
                .body(organization(registrationNumber(), "DE", "DE"))
                .when()
                .post("/v1/organizations")
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));

        // A plain member is not a representative.
        addMember(ALICE, id, BOB_SUBJECT, "MEMBER").statusCode(201);
        addMember(BOB, id, colleague, "MEMBER")
                .statusCode(403)
                .body("code", equalTo("NOT_AN_ORGANIZATION_REPRESENTATIVE"));
        removeMember(BOB, id, ALICE_SUBJECT).statusCode(403);

        // An officer adds and removes members of any organization.
        addMember(OLIVIA, id, colleague, "REPRESENTATIVE").statusCode(201).body("role", equalTo("REPRESENTATIVE"));
        removeMember(OLIVIA, id, colleague).statusCode(200).body("member", equalTo(false));
        JsonPath removed = awaitMembershipChange(id, colleague, false);
        assertEquals(OLIVIA_SUBJECT, removed.getString("data.actor"));
        assertEquals("REPRESENTATIVE", removed.getString("data.role"));

        // A representative removes a member.
        removeMember(ALICE, id, BOB_SUBJECT).statusCode(200);
        read(ALICE, id).statusCode(200).body("members", hasSize(1));
    }

    @Test
    void unknownOrganizationsAndAnonymousCallers() {
        String unknown = UUID.randomUUID().toString();
        read(OLIVIA, unknown).statusCode(404).body("code", equalTo("ORGANIZATION_NOT_FOUND"));
        read(BOB, unknown).statusCode(404).body("code", equalTo("ORGANIZATION_NOT_FOUND"));
        addMember(OLIVIA, unknown, BOB_SUBJECT, "MEMBER")
                .statusCode(404)
                .body("code", equalTo("ORGANIZATION_NOT_FOUND"));
        removeMember(ALICE, unknown, ALICE_SUBJECT).statusCode(404).body("code", equalTo("ORGANIZATION_NOT_FOUND"));
        read(ALICE, "not-a-uuid").statusCode(400).body("code", equalTo("INVALID_PARAMETER"));

        given().contentType(ContentType.JSON)
                .body(organization(registrationNumber(), "DE", "DE"))
                .when()
                .post("/v1/organizations")
                .then()
                .statusCode(401);
        given().when().get("/v1/organizations/" + unknown).then().statusCode(401);
        given().auth()
                .oauth2(KeycloakTokens.gateway())
                .when()
                .get("/v1/organizations/" + unknown)
                .then()
                .statusCode(401);
    }

    @Test
    void badInputIsAProblemAndWritesNothing() {
        String registrationNumber = registrationNumber();
        Consumer<Map<String, Object>> refused = body -> given().auth()
                .oauth2(KeycloakTokens.user(ALICE))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v1/organizations")
                .then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"));

        Map<String, Object> unknownField = organization(registrationNumber, "DE", "DE");
        unknownField.put("status", "VERIFIED");
        given().auth()
                .oauth2(KeycloakTokens.user(ALICE))
                .contentType(ContentType.JSON)
                .body(unknownField)
                .when()
                .post("/v1/organizations")
                .then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("code", equalTo("MALFORMED_REQUEST"))
                .body("detail", containsString("status"));

        Map<String, Object> unknownNestedField = organization(registrationNumber, "DE", "DE");
        unknownNestedField.put(
                "representatives",
                List.of(Map.of("name", REPRESENTATIVE_NAME, "nationality", "SE", "dateOfBirth", "1970-01-01")));
        refused.accept(unknownNestedField);

        Map<String, Object> invalidCountry = organization(registrationNumber, "XX", "DE");
        given().auth()
                .oauth2(KeycloakTokens.user(ALICE))
                .contentType(ContentType.JSON)
                .body(invalidCountry)
                .when()
                .post("/v1/organizations")
                .then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("countryOfIncorporation"));
        refused.accept(organization(registrationNumber, "de", "DE"));
        refused.accept(organization(registrationNumber, "DE", "XX"));

        Map<String, Object> longName = organization(registrationNumber, "DE", "DE");
        longName.put("legalName", "N".repeat(10_000));
        given().auth()
                .oauth2(KeycloakTokens.user(ALICE))
                .contentType(ContentType.JSON)
                .body(longName)
                .when()
                .post("/v1/organizations")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("legalName"));

        for (String controlled :
                List.of("Northwind\u0000GmbH", "Northwind\nGmbH", "Northwind\u001b[31m", "Northwind\u0085")) {
            Map<String, Object> body = organization(registrationNumber, "DE", "DE");
            body.put("legalName", controlled);
            given().auth()
                    .oauth2(KeycloakTokens.user(ALICE))
                    .contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .post("/v1/organizations")
                    .then()
                    .statusCode(400)
                    .body("code", equalTo("VALIDATION_FAILED"))
                    .body("errors.field", hasItem("legalName"));
        }

        Map<String, Object> badRegistration = organization(registrationNumber, "DE", "DE");
        badRegistration.put("registrationNumber", "HRB#1");
        refused.accept(badRegistration);

        Map<String, Object> smallOwner = organization(registrationNumber, "DE", "DE");
        smallOwner.put(
                "beneficialOwners", List.of(Map.of("name", OWNER_NAME, "nationality", "DE", "ownershipPercent", 10)));
        refused.accept(smallOwner);

        Map<String, Object> overOwned = organization(registrationNumber, "DE", "DE");
        overOwned.put(
                "beneficialOwners",
                List.of(
                        Map.of("name", OWNER_NAME, "nationality", "DE", "ownershipPercent", 60),
                        Map.of("name", REPRESENTATIVE_NAME, "nationality", "DE", "ownershipPercent", 60)));
        refused.accept(overOwned);

        Map<String, Object> unknownKind = organization(registrationNumber, "DE", "DE");
        unknownKind.put("kind", "BANK");
        refused.accept(unknownKind);

        Map<String, Object> missingLists = organization(registrationNumber, "DE", "DE");
        missingLists.remove("beneficialOwners");
        refused.accept(missingLists);

        given().auth()
                .oauth2(KeycloakTokens.user(ALICE))
                .contentType(ContentType.JSON)
                .body("{\"legalName\": ")
                .when()
                .post("/v1/organizations")
                .then()
                .statusCode(400)
                .body("code", equalTo("MALFORMED_REQUEST"));

        assertEquals(0, organizationRows(registrationNumber), "no organization row for refused input");
    }

    @Test
    void badMembershipInputIsAProblemAndChangesNothing() {
        String id = registerVerified(ALICE);
        given().auth()
                .oauth2(KeycloakTokens.user(ALICE))
                .contentType(ContentType.JSON)
                .body(Map.of("subject", BOB_SUBJECT, "role", "MEMBER", "since", "2020-01-01"))
                .when()
                .post("/v1/organizations/" + id + "/members")
                .then()
                .statusCode(400)
                .body("code", equalTo("MALFORMED_REQUEST"));
        addMember(ALICE, id, "s".repeat(65), "MEMBER")
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("subject"));
        addMember(ALICE, id, "bob smith", "MEMBER").statusCode(400).body("errors.field", hasItem("subject"));
        addMember(ALICE, id, BOB_SUBJECT, "OWNER").statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
        read(ALICE, id).statusCode(200).body("members.subject", equalTo(List.of(ALICE_SUBJECT)));
    }
}
