package io.tiergate.tier.identity;

import static io.tiergate.commons.testing.KeycloakTokens.AUDREY;
import static io.tiergate.commons.testing.KeycloakTokens.OLIVIA;
import static io.tiergate.tier.TierFixtures.effectiveTiers;
import static io.tiergate.tier.TierFixtures.get;
import static io.tiergate.tier.TierFixtures.post;
import static io.tiergate.tier.TierFixtures.verifiedPerson;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.tiergate.commons.testing.EventSchemas;
import io.tiergate.commons.testing.KafkaEvents;
import io.tiergate.tier.TierFixtures;
import io.tiergate.tier.grant.TierEvents;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdentityReactionsIT {

    static String publicGrant(String subject) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !effectiveTiers(AUDREY, subject).isEmpty());
        return (String) effectiveTiers(AUDREY, subject).get(0).get("grantId");
    }

    static String statusOf(String grant) {
        return get(AUDREY, "/v1/grants/" + grant).statusCode(200).extract().path("status");
    }

    @Test
    void anIdentityRevocationSuspendsGrantsOnceEvenWhenRedelivered() {
        String subject = verifiedPerson("US");
        String grant = publicGrant(subject);
        String id = UUID.randomUUID().toString();
        String revoked = KafkaEvents.cloudEvent(
                id,
                "identity-service",
                "tiergate.identity.verification.revoked",
                subject,
                TierFixtures.nextVersion(),
                TierFixtures.verdict(
                        "REVOKED",
                        "US",
                        "[{\"code\":\"SCREENING_HIT_CONFIRMED\",\"message\":\"a confirmed sanctions match\"}]"));
        EventSchemas.assertValid(revoked); // identity-service's contract, envelope and data
        KafkaEvents.publishRaw(TierFixtures.IDENTITY_TOPIC, subject, revoked);
        KafkaEvents.publishRaw(TierFixtures.IDENTITY_TOPIC, subject, revoked); // redelivery of the same event id
        await().atMost(Duration.ofSeconds(30)).until(() -> "SUSPENDED".equals(statusOf(grant)));
        get(AUDREY, "/v1/grants/" + grant).body("suspensionCause", equalTo("IDENTITY_REVOKED"));
        assertTrue(effectiveTiers(AUDREY, subject).isEmpty());

        TierFixtures.verify(subject, "US"); // re-verified: the grant waits for an officer, nothing automatic
        List<String> actions = get(AUDREY, "/v1/grants/" + grant + "/history")
                .statusCode(200)
                .extract()
                .path("action");
        assertTrue(actions.equals(List.of("GRANTED", "SUSPENDED")), "suspended exactly once: " + actions);
        assertTrue("SUSPENDED".equals(statusOf(grant)));
        post(OLIVIA, "/v1/grants/" + grant + "/reinstatement", Map.of("reason", "identity re-verified"))
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));

        var suspended = KafkaEvents.await(
                TierEvents.TOPIC,
                r -> r.value().contains(grant) && r.value().contains(TierEvents.SUSPENDED),
                Duration.ofSeconds(20));
        assertTrue(suspended.isPresent(), "the reaction is audited as a tier event");
        EventSchemas.assertValid(suspended.get().value());
    }

    @Test
    void anExpiredIdentityCannotBeReinstatedUntilVerifiedAgain() {
        String subject = verifiedPerson("US");
        String grant = publicGrant(subject);
        TierFixtures.publishIdentity(
                "tiergate.identity.verification.expired",
                subject,
                TierFixtures.nextVersion(),
                TierFixtures.verdict(
                        "EXPIRED",
                        "US",
                        "[{\"code\":\"VERIFICATION_EXPIRED\",\"message\":\"verification validity ended; verify again\"}]"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "SUSPENDED".equals(statusOf(grant)));
        get(AUDREY, "/v1/grants/" + grant).body("suspensionCause", equalTo("IDENTITY_EXPIRED"));
        post(OLIVIA, "/v1/grants/" + grant + "/reinstatement", Map.of("reason", "try"))
                .statusCode(422)
                .body("code", equalTo("REQUIREMENTS_NOT_MET"))
                .body("errors.field", equalTo(List.of("IDENTITY_VERIFIED")));
    }

    @Test
    void aNewScreeningHitSuspendsPendingReview() {
        String subject = verifiedPerson("US");
        String grant = publicGrant(subject);
        // as identity-service's schema has it: the review case, the lists version and the entries matched
        TierFixtures.publishIdentity(
                "tiergate.identity.screening.hit",
                subject,
                TierFixtures.nextVersion(),
                "{\"caseId\":\"" + UUID.randomUUID() + "\",\"listsVersion\":\"3f9a0c1d2e4b5a67\",\"hits\":[{\"listId\":"
                        + "\"ofac-sdn-xml:classpath:screening/sample-sdn.xml\",\"entryId\":\"36001\",\"matchedOn\":\"ALIAS\","
                        + "\"score\":0.97}]}");
        await().atMost(Duration.ofSeconds(30)).until(() -> "SUSPENDED".equals(statusOf(grant)));
        get(AUDREY, "/v1/grants/" + grant).body("suspensionCause", equalTo("SCREENING_HIT"));
    }
}
