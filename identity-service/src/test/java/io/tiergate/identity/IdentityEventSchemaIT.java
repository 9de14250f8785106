package io.tiergate.identity;

import static io.restassured.RestAssured.given;
import static io.tiergate.commons.testing.KeycloakTokens.CAROL;
import static io.tiergate.commons.testing.KeycloakTokens.CAROL_SUBJECT;
import static io.tiergate.commons.testing.KeycloakTokens.OLIVIA;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tiergate.commons.testing.EventSchemas;
import io.tiergate.commons.testing.KafkaEvents;
import io.tiergate.commons.testing.KeycloakTokens;
import io.tiergate.identity.organization.OrganizationEvents;
import io.tiergate.identity.review.ReviewService;
import io.tiergate.identity.screening.ScreeningEvents;
import io.tiergate.identity.screening.ScreeningHit;
import io.tiergate.identity.verification.IdentityEvents;
import io.tiergate.identity.verification.Reason;
import io.tiergate.identity.verification.VerificationRequest;
import io.tiergate.identity.verification.VerificationService;
import io.tiergate.identity.verification.VerificationStatus;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Drives the API to produce each identity event type and checks every one found on Kafka against the envelope
 * schema and its data schema in docs/events/. Types only a list update or the passing of a year produce are
 * checked from their records, serialised as the outbox serialises them.
 */
@QuarkusTest
class IdentityEventSchemaIT {

    static final Duration EVENT_WAIT = Duration.ofSeconds(20);
    static final String ADULT_BIRTH_DATE = "1988-06-01";
    static final String EMBARGOED = "IR";
    /** Sent to review by the bundled sample sanctions list. */
    static final Map<String, Object> LISTED_PERSON = Map.of(
            "givenName",
            "Ivan",
            "familyName",
            "Sidorov",
            "dateOfBirth",
            "1971-03-12",
            "nationalities",
            List.of("RU"),
            "residenceCountry",
            "DE");

    @Inject
    ObjectMapper objectMapper;

    @Inject
    VerificationService verifications;

    static Map<String, Object> claims(String residence) {
        return Map.of(
                "givenName",
                "Carol",
                "familyName",
                "Lindqvist",
                "dateOfBirth",
                ADULT_BIRTH_DATE,
                "nationalities",
                List.of("US", "SE"),
                "residenceCountry",
                residence);
    }

    static ValidatableResponse post(String user, String path, Object body) {
        return given().auth()
                .oauth2(KeycloakTokens.user(user))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(path)
                .then();
    }

    static String submit(Map<String, Object> claims, String expectedStatus) {
        return post(CAROL, "/v1/verifications", claims)
                .statusCode(201)
                .body("status", equalTo(expectedStatus))
                .extract()
                .path("id");
    }

    static Map<String, Object> organization(String country) {
        return Map.of(
                "legalName",
                "Schema Check Inc",
                "registrationNumber",
                "SC " + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L),
                "countryOfIncorporation",
                country,
                "kind",
                "COMPANY",
                "beneficialOwners",
                List.of(),
                "representatives",
                List.of());
    }

    /** The event of this type that mentions {@code id} and passes {@code also}, checked against its schemas. */
    static JsonNode awaitValid(String type, String id, Predicate<JsonNode> also) {
        String typeAttribute = "\"type\":\"" + type + "\"";
        Optional<ConsumerRecord<String, String>> found = KafkaEvents.await(
                IdentityEvents.TOPIC,
                r -> r.value().contains(typeAttribute)
                        && r.value().contains(id)
                        && also.test(EventSchemas.parse(r.value())),
                EVENT_WAIT);
        assertTrue(found.isPresent(), type + " about " + id + " reaches Kafka");
        JsonNode event = EventSchemas.assertValid(found.get().value());
        assertEquals(event.path("subject").asText(), found.get().key(), "keyed by subject");
        return event;
    }

    static JsonNode awaitValid(String type, String id) {
        return awaitValid(type, id, event -> true);
    }

    @Test
    void verificationEventsMatchTheirSchemas() {
        String verified = submit(claims("US"), "VERIFIED");
        JsonNode submitted = awaitValid(IdentityEvents.SUBMITTED, verified);
        assertEquals(CAROL_SUBJECT, submitted.path("data").path("actor").asText());
        JsonNode verdict = awaitValid(IdentityEvents.VERIFIED, verified);
        assertEquals(CAROL_SUBJECT, verdict.path("subject").asText());

        String rejected = submit(claims(EMBARGOED), "REJECTED");
        JsonNode rejection = awaitValid(IdentityEvents.REJECTED, rejected);
        assertEquals(
                "EMBARGOED_RESIDENCE",
                rejection.path("data").path("reasons").path(0).path("code").asText());
    }

    @Test
    void reviewEventsMatchTheirSchemas() {
        String inReview = submit(LISTED_PERSON, "IN_REVIEW");
        JsonNode reviewRequired = awaitValid(IdentityEvents.REVIEW_REQUIRED, inReview);
        assertEquals(
                "SCREENING_HIT",
                reviewRequired.path("data").path("reasons").path(0).path("code").asText());
        assertFalse(reviewRequired.toString().contains("Sidorov"), "events carry no names");

        post(OLIVIA, "/v1/reviews/" + inReview + "/claim", Map.of()).statusCode(200);
        post(
                        OLIVIA,
                        "/v1/reviews/" + inReview + "/decision",
                        Map.of("outcome", "VERIFIED", "reason", "Different person: passport seen"))
                .statusCode(200);
        JsonNode reviewed = awaitValid(IdentityEvents.REVIEWED, inReview);
        assertEquals("VERIFIED", reviewed.path("data").path("status").asText());
        awaitValid(
                IdentityEvents.VERIFIED,
                inReview,
                event -> "REVIEWED_CLEAR"
                        .equals(event.path("data")
                                .path("reasons")
                                .path(0)
                                .path("code")
                                .asText()));
    }

    @Test
    void aClusterLinkMatchesItsSchema() {
        // Another applicant (no Keycloak user) was verified with this device; carol's submission shares it.
        String device = "schema-test-device-" + UUID.randomUUID();
        String other = UUID.randomUUID().toString();
        verifications.submit(
                other,
                new VerificationRequest(
                        "Dana",
                        "Holm",
                        LocalDate.parse(ADULT_BIRTH_DATE),
                        List.of("US"),
                        "US",
                        null,
                        null,
                        null,
                        device,
                        null));

        Map<String, Object> withDevice = new HashMap<>(claims("US"));
        withDevice.put("deviceId", device);
        String linked = submit(withDevice, "IN_REVIEW");
        JsonNode link = awaitValid(IdentityEvents.CLUSTER_LINKED, linked);
        assertEquals(CAROL_SUBJECT, link.path("subject").asText());
        assertEquals(other, link.path("data").path("linkedSubjects").path(0).asText());
        assertEquals("DEVICE", link.path("data").path("via").path(0).asText());
        JsonNode duplicate = awaitValid(IdentityEvents.REVIEW_REQUIRED, linked);
        assertEquals(
                "DUPLICATE_IDENTITY",
                duplicate.path("data").path("reasons").path(0).path("code").asText());
    }

    @Test
    void organizationEventsMatchTheirSchemas() {
        String organization = post(CAROL, "/v1/organizations", organization("US"))
                .statusCode(201)
                .body("status", equalTo("VERIFIED"))
                .extract()
                .path("id");
        awaitValid(OrganizationEvents.VERIFIED, organization);
        awaitValid(
                OrganizationEvents.MEMBERSHIP_CHANGED,
                organization,
                event -> CAROL_SUBJECT.equals(event.path("subject").asText()));

        String newcomer = UUID.randomUUID().toString();
        post(CAROL, "/v1/organizations/" + organization + "/members", Map.of("subject", newcomer, "role", "MEMBER"))
                .statusCode(201);
        awaitValid(
                OrganizationEvents.MEMBERSHIP_CHANGED,
                newcomer,
                event -> event.path("data").path("member").asBoolean());
        given().auth()
                .oauth2(KeycloakTokens.user(CAROL))
                .when()
                .delete("/v1/organizations/" + organization + "/members/" + newcomer)
                .then()
                .statusCode(200);
        JsonNode left = awaitValid(
                OrganizationEvents.MEMBERSHIP_CHANGED,
                newcomer,
                event -> !event.path("data").path("member").asBoolean());
        assertEquals(CAROL_SUBJECT, left.path("data").path("actor").asText());

        String rejected = post(CAROL, "/v1/organizations", organization(EMBARGOED))
                .statusCode(201)
                .body("status", equalTo("REJECTED"))
                .extract()
                .path("id");
        awaitValid(OrganizationEvents.REJECTED, rejected);
    }

    @Test
    void eventsThatNeedAListUpdateOrAYearToPassMatchTheirSchemas() {
        UUID caseId = UUID.randomUUID();
        List<Reason> expired = List.of(new Reason("VERIFICATION_EXPIRED", "verification validity ended; verify again"));
        assertDataValid(
                EventSchemas.VERIFICATION_DECIDED,
                new IdentityEvents.VerificationDecided(
                        caseId, VerificationStatus.EXPIRED, List.of("US"), "US", expired));
        List<Reason> confirmed =
                List.of(new Reason(ReviewService.SCREENING_HIT_CONFIRMED, "a confirmed sanctions match"));
        assertDataValid(
                EventSchemas.VERIFICATION_DECIDED,
                new IdentityEvents.VerificationDecided(
                        caseId, VerificationStatus.REVOKED, List.of("NL"), "DE", confirmed));
        // A revocation for a subject with no verified case left.
        assertDataValid(
                EventSchemas.VERIFICATION_DECIDED,
                new IdentityEvents.VerificationDecided(null, VerificationStatus.REVOKED, List.of(), null, confirmed));
        assertDataValid(
                EventSchemas.SCREENING_HIT,
                ScreeningEvents.ScreeningHitFound.of(
                        caseId,
                        "3f9a0c1d2e4b5a67",
                        List.of(new ScreeningHit(
                                "ofac-sdn-xml:classpath:screening/sample-sdn.xml",
                                "36001",
                                "SIDOROV, Ivan",
                                "ivan sidorov",
                                ScreeningHit.MatchedOn.ALIAS,
                                0.97,
                                1.0,
                                List.of("dateOfBirth: matches")))));
    }

    @Test
    void theSchemasRefuseWhatTheContractDoesNotAllow() {
        ObjectNode verdict = objectMapper.valueToTree(new IdentityEvents.VerificationDecided(
                UUID.randomUUID(), VerificationStatus.VERIFIED, List.of("US"), "US", List.of()));
        assertEquals(List.of(), EventSchemas.errors(EventSchemas.VERIFICATION_DECIDED, verdict));

        ObjectNode withName = verdict.deepCopy().put("familyName", "Lindqvist");
        assertFalse(
                EventSchemas.errors(EventSchemas.VERIFICATION_DECIDED, withName).isEmpty(), "no unknown fields");
        ObjectNode notAVerdict = verdict.deepCopy().put("status", "SCREENING");
        assertFalse(EventSchemas.errors(EventSchemas.VERIFICATION_DECIDED, notAVerdict)
                .isEmpty());
        ObjectNode badCountry = verdict.deepCopy().put("residenceCountry", "usa");
        assertFalse(EventSchemas.errors(EventSchemas.VERIFICATION_DECIDED, badCountry)
                .isEmpty());

        JsonNode envelope = EventSchemas.parse(KafkaEvents.cloudEvent(
                UUID.randomUUID().toString(), "identity-service", "not a type", CAROL_SUBJECT, 1, verdict.toString()));
        assertFalse(EventSchemas.errors(EventSchemas.ENVELOPE, envelope).isEmpty());
        for (String type : List.of(
                IdentityEvents.SUBMITTED,
                IdentityEvents.REVIEWED,
                IdentityEvents.VERIFIED,
                IdentityEvents.REJECTED,
                IdentityEvents.REVIEW_REQUIRED,
                IdentityEvents.EXPIRED,
                IdentityEvents.REVOKED,
                ScreeningEvents.HIT,
                IdentityEvents.CLUSTER_LINKED,
                OrganizationEvents.VERIFIED,
                OrganizationEvents.REJECTED,
                OrganizationEvents.REVIEW_REQUIRED,
                OrganizationEvents.MEMBERSHIP_CHANGED)) {
            EventSchemas.dataSchemaOf(type); // every type identity-service publishes is documented
        }
    }

    private void assertDataValid(String schema, Object data) {
        JsonNode json = objectMapper.valueToTree(data);
        assertEquals(List.of(), EventSchemas.errors(schema, json), json.toString());
    }
}
