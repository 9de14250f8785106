package io.tiergate.entitlement.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tiergate.commons.testing.KafkaEvents;
import io.tiergate.commons.testing.KeycloakTokens;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;

/** Plays identity-service and tier-service on the real test Kafka, and asks for decisions as a gateway. */
public final class Subjects {

    private Subjects() {}

    /** A subject the projection knows, and the consistency token that makes a decision wait for it. */
    public record Subject(String id, String token) {}

    /** A tier held directly ({@code organizationId} null) or through an organization. */
    public record Grant(String tier, String organizationId) {}

    /** A verified person holding {@code tier}, directly or (with an organization) through that organization. */
    public static Subject verified(List<String> nationalities, String residence, String tier, String organizationId) {
        return verified(nationalities, residence, List.of(new Grant(tier, organizationId)));
    }

    /** A verified person holding every grant. */
    public static Subject verified(List<String> nationalities, String residence, List<Grant> grants) {
        String subject = UUID.randomUUID().toString();
        String codes = nationalities.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(","));
        KafkaEvents.publish(
                "tiergate.identity",
                "identity-service",
                "tiergate.identity.verification.verified",
                subject,
                1,
                "{\"caseId\":\"" + UUID.randomUUID() + "\",\"status\":\"VERIFIED\",\"nationalities\":[" + codes
                        + "],\"residenceCountry\":\"" + residence + "\",\"reasons\":[]}");
        String tiers = grants.stream()
                .map(grant -> "{\"grantId\":\"" + UUID.randomUUID() + "\",\"tier\":\""
                        + grant.tier() + "\","
                        + (grant.organizationId() == null
                                ? "\"via\":\"DIRECT\""
                                : "\"via\":\"ORGANIZATION\",\"organizationId\":\"" + grant.organizationId() + "\"")
                        + "}")
                .collect(Collectors.joining(","));
        KafkaEvents.publish(
                "tiergate.tier",
                "tier-service",
                "tiergate.tier.effective.changed",
                subject,
                1,
                "{\"tiers\":[" + tiers + "]}");
        Subject projected = new Subject(subject, "identity-service:" + subject + ":1,tier-service:" + subject + ":1");
        // a freshly started service may take longer than the consistency wait to join its consumer groups
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> !"PROJECTION_BEHIND"
                        .equals(decide(projected, "fable-5:chat", null, null)
                                .extract()
                                .path("reasons[0].code")));
        return projected;
    }

    public static Subject verified(String nationality, String tier) {
        return verified(List.of(nationality), nationality, tier, null);
    }

    /** A decision request body; {@code jurisdiction}, {@code clientIp} and {@code token} may be null. */
    public static Map<String, Object> request(
            Subject subject, String capability, String jurisdiction, String clientIp) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", subject.id());
        body.put("capability", capability);
        Map<String, Object> context = new HashMap<>();
        if (jurisdiction != null) {
            context.put("jurisdiction", jurisdiction);
        }
        if (clientIp != null) {
            context.put("clientIp", clientIp);
        }
        body.put("context", context);
        body.put("consistencyToken", subject.token());
        return body;
    }

    public static ValidatableResponse decide(Subject subject, String capability, String jurisdiction, String clientIp) {
        return given().auth()
                .oauth2(KeycloakTokens.gateway())
                .contentType(ContentType.JSON)
                .body(request(subject, capability, jurisdiction, clientIp))
                .when()
                .post("/v1/decisions")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200);
    }
}
