package io.tiergate.identity.organization;

import static io.restassured.RestAssured.given;
import static io.tiergate.commons.testing.KeycloakTokens.CAROL;
import static io.tiergate.commons.testing.KeycloakTokens.OLIVIA;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tiergate.commons.testing.EventSchemas;
import io.tiergate.commons.testing.KafkaEvents;
import io.tiergate.commons.testing.KeycloakTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The organization's name and its people are screened; a hit sends the registration to an officer. */
@QuarkusTest
class OrganizationScreeningIT {

    static Map<String, Object> organization(String legalName, String representative, String nationality) {
        return Map.of(
                "legalName",
                legalName,
                "registrationNumber",
                "HRB " + System.nanoTime(),
                "countryOfIncorporation",
                "AE",
                "kind",
                "COMPANY",
                "beneficialOwners",
                List.of(),
                "representatives",
                List.of(Map.of("name", representative, "nationality", nationality)));
    }

    static String register(Map<String, Object> body, String expectedStatus) {
        return given().auth()
                .oauth2(KeycloakTokens.user(CAROL))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v1/organizations")
                .then()
                .statusCode(201)
                .body("status", equalTo(expectedStatus))
                .extract()
                .path("id");
    }

    @Test
    void aListedCompanyNameOrAListedRepresentativeSendsItToReview() {
        String listedName =
                register(organization("Northwind Dual Use Trading Ltd.", "Amira Castellanos", "ES"), "IN_REVIEW");
        String listedPerson =
                register(organization("Harbour Lights Analytics GmbH", "Сидоров Иван", "RU"), "IN_REVIEW");
        register(organization("Harbour Lights Analytics GmbH", "Amira Castellanos", "ES"), "VERIFIED");

        given().auth()
                .oauth2(KeycloakTokens.user(OLIVIA))
                .when()
                .get("/v1/organizations/" + listedName)
                .then()
                .statusCode(200)
                .body("reasons.code", hasItem("SCREENING_HIT"))
                .body("screeningHits.entryName", hasItem("Northwind Dual-Use Trading Limited"));
        given().auth()
                .oauth2(KeycloakTokens.user(OLIVIA))
                .when()
                .get("/v1/organizations/" + listedPerson)
                .then()
                .statusCode(200)
                .body("screeningHits.entryName", hasItem("Ivan Petrovich SIDOROV"));
        given().auth()
                .oauth2(KeycloakTokens.user(CAROL))
                .when()
                .get("/v1/organizations/" + listedPerson)
                .then()
                .statusCode(200)
                .body("screeningHits", nullValue()); // the evidence is for officers

        given().auth()
                .oauth2(KeycloakTokens.user(OLIVIA))
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "REJECTED", "reason", "Representative is the listed person"))
                .when()
                .post("/v1/organizations/" + listedPerson + "/decision")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"));
        given().auth()
                .oauth2(KeycloakTokens.user(OLIVIA))
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "VERIFIED", "reason", "again"))
                .when()
                .post("/v1/organizations/" + listedPerson + "/decision")
                .then()
                .statusCode(409)
                .body("code", equalTo("ORGANIZATION_NOT_IN_REVIEW"));
        given().auth()
                .oauth2(KeycloakTokens.user(CAROL))
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "VERIFIED", "reason", "mine"))
                .when()
                .post("/v1/organizations/" + listedName + "/decision")
                .then()
                .statusCode(403);
        for (String type :
                List.of("tiergate.identity.organization.review-required", "tiergate.identity.organization.rejected")) {
            var event = KafkaEvents.await(
                    "tiergate.identity",
                    r -> listedPerson.equals(r.key()) && r.value().contains(type),
                    Duration.ofSeconds(20));
            assertTrue(event.isPresent(), type + " is published");
            EventSchemas.assertValid(event.get().value());
        }
    }
}
