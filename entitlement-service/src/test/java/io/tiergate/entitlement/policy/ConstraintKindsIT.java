package io.tiergate.entitlement.policy;

import static io.tiergate.commons.testing.KeycloakTokens.OLIVIA;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.tiergate.entitlement.support.GeoIpTestResource;
import io.tiergate.entitlement.support.Policies;
import io.tiergate.entitlement.support.Subjects;
import io.tiergate.entitlement.support.Subjects.Subject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every constraint kind an entitlement can carry, each decided by the engine against subjects the projection
 * learned from Kafka. Evaluated through what-if on one draft, so no other test sees these capabilities.
 */
@QuarkusTest
@QuarkusTestResource(GeoIpTestResource.class)
class ConstraintKindsIT {

    /** Test networks: 203.0.113.0/24 is US, 198.51.100.0/24 is CN, 198.18.0.0/16 is US and a hosting network. */
    static final String US_IP = "203.0.113.7";

    static final String CN_IP = "198.51.100.7";
    static final String HOSTING_IP = "198.18.0.9";

    /** One draft for the class, made on first use (the HTTP port is known only inside a test). */
    static String draft;

    static synchronized String draft() {
        if (draft == null) {
            draft = makeDraft();
        }
        return draft;
    }

    static String makeDraft() {
        return Policies.draftWith(Map.of(
                "kinds:nationality-allow",
                        List.of(Map.of("tiers", List.of("PUBLIC"), "allowedNationalities", List.of("US"))),
                "kinds:nationality-deny",
                        List.of(Map.of(
                                "tiers", List.of("PUBLIC"), "deniedNationalities", List.of("@countries-of-concern"))),
                "kinds:jurisdiction-allow",
                        List.of(Map.of("tiers", List.of("PUBLIC"), "allowedJurisdictions", List.of("US"))),
                "kinds:jurisdiction-deny",
                        List.of(Map.of("tiers", List.of("PUBLIC"), "deniedJurisdictions", List.of("CN"))),
                "kinds:residence-allow",
                        List.of(Map.of("tiers", List.of("PUBLIC"), "allowedResidences", List.of("US", "GB"))),
                "kinds:residence-deny", List.of(Map.of("tiers", List.of("PUBLIC"), "deniedResidences", List.of("DE"))),
                "kinds:fresh-identity", List.of(Map.of("tiers", List.of("PUBLIC"), "maxVerificationAge", "PT1S")),
                "kinds:mismatch-denied", List.of(Map.of("tiers", List.of("PUBLIC"), "onJurisdictionMismatch", "DENY")),
                "kinds:hosting-denied", List.of(Map.of("tiers", List.of("PUBLIC"), "hostingNetworks", "DENY")),
                "kinds:obligations",
                        List.of(Map.of(
                                "tiers",
                                List.of("PUBLIC"),
                                "obligations",
                                List.of("no-reasoning-trace", "retain-transcript-days=30")))));
    }

    ValidatableResponse whatIf(Subject subject, String capability, String jurisdiction, String clientIp) {
        return Policies.post(
                        OLIVIA,
                        "/v1/policies/" + draft() + "/what-if",
                        Subjects.request(subject, capability, jurisdiction, clientIp))
                .statusCode(200)
                .body("policyVersion", equalTo(draft));
    }

    static void allows(ValidatableResponse response) {
        response.body("decision", equalTo("ALLOW")).body("reasons.code", hasItem("ENTITLED"));
    }

    static ValidatableResponse denies(ValidatableResponse response, String code) {
        return response.body("decision", equalTo("DENY")).body("reasons.code", hasItem(code));
    }

    @Test
    void nationalities() {
        Subject american = Subjects.verified("US", "PUBLIC");
        Subject german = Subjects.verified("DE", "PUBLIC");
        Subject dual = Subjects.verified(List.of("DE", "RU"), "DE", "PUBLIC", null);
        allows(whatIf(american, "kinds:nationality-allow", null, null));
        denies(whatIf(german, "kinds:nationality-allow", null, null), "NATIONALITY_NOT_ALLOWED");
        allows(whatIf(german, "kinds:nationality-deny", null, null));
        // any denied nationality denies, whatever the others
        denies(whatIf(dual, "kinds:nationality-deny", null, null), "NATIONALITY_DENIED");
        Subject usAndRu = Subjects.verified(List.of("RU", "US"), "US", "PUBLIC", null);
        allows(whatIf(usAndRu, "kinds:nationality-allow", null, null)); // one listed nationality suffices
    }

    @Test
    void jurisdictionsDeclaredAndDerivedFromTheClientIp() {
        Subject customer = Subjects.verified("DE", "PUBLIC");
        allows(whatIf(customer, "kinds:jurisdiction-allow", "US", null));
        denies(whatIf(customer, "kinds:jurisdiction-allow", "DE", null), "JURISDICTION_NOT_ALLOWED");
        denies(whatIf(customer, "kinds:jurisdiction-allow", null, null), "JURISDICTION_REQUIRED");
        // the IP alone gives the jurisdiction
        allows(whatIf(customer, "kinds:jurisdiction-allow", null, US_IP));
        denies(whatIf(customer, "kinds:jurisdiction-deny", null, CN_IP), "JURISDICTION_DENIED");
        // declaring an allowed country does not launder the IP's: both must pass, and the mismatch is reported
        denies(whatIf(customer, "kinds:jurisdiction-deny", "US", CN_IP), "JURISDICTION_DENIED")
                .body("reasons.code", hasItem("JURISDICTION_MISMATCH"));
        allows(whatIf(customer, "kinds:jurisdiction-deny", "DE", null));
    }

    @Test
    void aMismatchBetweenDeclaredAndDerivedIsAReasonAndThePolicyDecides() {
        Subject customer = Subjects.verified("US", "PUBLIC");
        allows(whatIf(customer, "kinds:obligations", "US", CN_IP));
        whatIf(customer, "kinds:obligations", "US", CN_IP).body("reasons.code", hasItem("JURISDICTION_MISMATCH"));
        denies(whatIf(customer, "kinds:mismatch-denied", "US", CN_IP), "JURISDICTION_MISMATCH");
        allows(whatIf(customer, "kinds:mismatch-denied", "US", US_IP));
        whatIf(customer, "kinds:mismatch-denied", "US", US_IP)
                .body("reasons.code", not(hasItem("JURISDICTION_MISMATCH")));
        // an address the database does not know derives nothing, so nothing mismatches
        allows(whatIf(customer, "kinds:mismatch-denied", "US", "10.1.2.3"));
        allows(whatIf(customer, "kinds:mismatch-denied", "US", "2001:db8::1"));
    }

    @Test
    void hostingAndVpnNetworksAreFlaggedAndThePolicyDecides() {
        Subject customer = Subjects.verified("US", "PUBLIC");
        denies(whatIf(customer, "kinds:hosting-denied", "US", HOSTING_IP), "HOSTING_NETWORK");
        allows(whatIf(customer, "kinds:hosting-denied", "US", US_IP));
        allows(whatIf(customer, "kinds:obligations", "US", HOSTING_IP));
        whatIf(customer, "kinds:obligations", "US", HOSTING_IP).body("reasons.code", hasItem("HOSTING_NETWORK"));
    }

    @Test
    void residences() {
        Subject resident = Subjects.verified(List.of("FR"), "GB", "PUBLIC", null);
        Subject german = Subjects.verified("DE", "PUBLIC");
        allows(whatIf(resident, "kinds:residence-allow", null, null));
        denies(whatIf(german, "kinds:residence-allow", null, null), "RESIDENCE_NOT_ALLOWED");
        allows(whatIf(resident, "kinds:residence-deny", null, null));
        denies(whatIf(german, "kinds:residence-deny", null, null), "RESIDENCE_DENIED");
    }

    @Test
    void aVerificationOlderThanTheMaximumAgeDenies() {
        Subject customer = Subjects.verified("US", "PUBLIC");
        whatIf(customer, "kinds:obligations", null, null).body("decision", equalTo("ALLOW")); // projected
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(5))
                .untilAsserted(
                        () -> denies(whatIf(customer, "kinds:fresh-identity", null, null), "VERIFICATION_TOO_OLD"));
    }

    @Test
    void obligationsComeWithAnAllow() {
        Subject customer = Subjects.verified("US", "PUBLIC");
        whatIf(customer, "kinds:obligations", null, null)
                .body("decision", equalTo("ALLOW"))
                .body("obligations", equalTo(List.of("no-reasoning-trace", "retain-transcript-days=30")));
        whatIf(customer, "kinds:nationality-deny", null, null).body("obligations", equalTo(null));
    }

    @Test
    void aMalformedClientIpIsAProblem() {
        Subject customer = Subjects.verified("US", "PUBLIC");
        for (String ip : List.of("999.1.1.1", "example.com", "1.2.3", "::g")) {
            Policies.post(
                            OLIVIA,
                            "/v1/policies/" + draft() + "/what-if",
                            Subjects.request(customer, "kinds:obligations", null, ip))
                    .statusCode(400)
                    .body("code", equalTo("INVALID_CLIENT_IP"));
        }
    }
}
