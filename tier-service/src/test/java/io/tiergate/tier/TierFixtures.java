package io.tiergate.tier;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tiergate.commons.testing.EventSchemas;
import io.tiergate.commons.testing.KafkaEvents;
import io.tiergate.commons.testing.KeycloakTokens;
import io.tiergate.tier.identity.KnownOrganization;
import io.tiergate.tier.identity.OrganizationMembership;
import io.tiergate.tier.identity.VerifiedIdentity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plays identity-service on the real Kafka (verdicts, organizations, memberships) and calls tier-service as the
 * realm's users. Versions only grow, so fixed users (alice, oscar) can be reused across tests and runs.
 */
public final class TierFixtures {

    public static final String IDENTITY_TOPIC = "tiergate.identity";
    public static final String JUSTIFICATION = "Partner lab under contract #42";
    private static final AtomicLong VERSION = new AtomicLong(System.currentTimeMillis());
    private static final Duration WAIT = Duration.ofSeconds(30);

    private TierFixtures() {}

    public static long nextVersion() {
        return VERSION.incrementAndGet();
    }

    /** A fresh person whom identity-service verified (tier-service then grants PUBLIC on its own). */
    public static String verifiedPerson(String nationality) {
        String subject = UUID.randomUUID().toString();
        verify(subject, nationality);
        return subject;
    }

    public static void verify(String subject, String nationality) {
        publishVerdict(subject, "tiergate.identity.verification.verified", "VERIFIED", nationality);
        await().atMost(WAIT).until(() -> tx(() -> VerifiedIdentity.isVerified(subject)));
    }

    public static void publishVerdict(String subject, String type, String status, String nationality) {
        publishIdentity(type, subject, nextVersion(), verdict(status, nationality, "[]"));
    }

    /** The data of a verification verdict, as identity-service writes it; {@code reasonsJson} a JSON array. */
    public static String verdict(String status, String nationality, String reasonsJson) {
        return "{\"caseId\":\"" + UUID.randomUUID() + "\",\"status\":\"" + status + "\",\"nationalities\":[\""
                + nationality + "\"],\"residenceCountry\":\"" + nationality + "\",\"reasons\":" + reasonsJson + "}";
    }

    /**
     * Publishes an identity event as identity-service would; its data is first checked against identity-service's
     * schema for the type, so that a fixture cannot say what the producer never could.
     */
    public static void publishIdentity(String type, String subject, long version, String dataJson) {
        KafkaEvents.publish(
                IDENTITY_TOPIC,
                "identity-service",
                type,
                subject,
                version,
                EventSchemas.assertValidData(type, dataJson));
    }

    /** A verified organization of the given kind (COMPANY, RESEARCH_INSTITUTION, GOVERNMENT_AGENCY). */
    public static UUID organization(String kind, String country) {
        UUID id = UUID.randomUUID();
        publishIdentity(
                "tiergate.identity.organization.verified",
                id.toString(),
                nextVersion(),
                "{\"organizationId\":\"" + id + "\",\"kind\":\"" + kind + "\",\"status\":\"VERIFIED\","
                        + "\"countryOfIncorporation\":\"" + country + "\",\"reasons\":[]}");
        await().atMost(WAIT).until(() -> tx(() -> KnownOrganization.findById(id) != null));
        return id;
    }

    public static void join(String subject, UUID organizationId) {
        membership(subject, organizationId, true);
        await().atMost(WAIT).until(() -> tx(() -> OrganizationMembership.isMember(subject, organizationId)));
    }

    public static void leave(String subject, UUID organizationId) {
        membership(subject, organizationId, false);
    }

    private static void membership(String subject, UUID organizationId, boolean member) {
        publishIdentity(
                "tiergate.identity.organization.membership.changed",
                subject,
                nextVersion(),
                "{\"organizationId\":\"" + organizationId + "\",\"member\":" + member
                        + ",\"role\":\"MEMBER\",\"actor\":\"" + subject + "\"}");
    }

    public static ValidatableResponse post(String user, String path, Object body) {
        return given().auth()
                .oauth2(KeycloakTokens.user(user))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(path)
                .then();
    }

    public static ValidatableResponse get(String user, String path) {
        return given().auth().oauth2(KeycloakTokens.user(user)).when().get(path).then();
    }

    /** The tiers a person holds now, as {@code GET /v1/subjects/{subject}/tier} explains them. */
    public static List<Map<String, Object>> effectiveTiers(String officer, String subject) {
        return get(officer, "/v1/subjects/" + subject + "/tier")
                .statusCode(200)
                .extract()
                .path("tiers");
    }

    public static <T> T tx(java.util.concurrent.Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }
}
