package io.tiergate.tier.effective;

import static io.restassured.RestAssured.given;
import static io.tiergate.commons.testing.KeycloakTokens.ALICE;
import static io.tiergate.commons.testing.KeycloakTokens.OLIVIA;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.tiergate.commons.testing.KeycloakTokens;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 15 §3: a NUL as the subject reached PostgreSQL and came back as 500. */
@QuarkusTest
class HostileParametersIT {

    static final List<String> CONTROL_SUBJECTS = List.of("%00", "abc%00def", "%01", "%1F", "%7F", "a%0Ab");

    @Test
    void aControlCharacterInTheSubjectIsAnInvalidParameter() {
        for (String user : List.of(OLIVIA, ALICE)) {
            for (String subject : CONTROL_SUBJECTS) {
                given().urlEncodingEnabled(false)
                        .auth()
                        .oauth2(KeycloakTokens.user(user))
                        .when()
                        .get("/v1/subjects/" + subject + "/tier")
                        .then()
                        .log()
                        .ifValidationFails()
                        .statusCode(400)
                        .contentType(containsString("application/problem+json"))
                        .body("code", equalTo("INVALID_PARAMETER"))
                        .body("errors[0].field", equalTo("subject"));
            }
        }
    }

    @Test
    void anOrdinarySubjectStillAnswers() {
        given().auth()
                .oauth2(KeycloakTokens.user(OLIVIA))
                .when()
                .get("/v1/subjects/no-such-subject/tier")
                .then()
                .statusCode(200);
    }
}
