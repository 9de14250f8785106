package io.tiergate.entitlement.policy;

import static io.restassured.RestAssured.given;
import static io.tiergate.commons.testing.KeycloakTokens.PAULA;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.tiergate.commons.testing.KeycloakTokens;
import io.tiergate.entitlement.support.GeoIpTestResource;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Issue 15 §3: a NUL as the version reached PostgreSQL and came back as 500 from every /v1/policies/{version}. */
@QuarkusTest
@QuarkusTestResource(GeoIpTestResource.class)
class HostilePolicyParametersIT {

    static final String NUL = "%00";
    static final Map<String, Object> WHAT_IF =
            Map.of("subject", "11111111-1111-4111-8111-000000000001", "capability", "mythos-5:chat");

    static RequestSpecification admin() {
        return given().urlEncodingEnabled(false).auth().oauth2(KeycloakTokens.user(PAULA));
    }

    static void refused(ValidatableResponse response, String parameter) {
        response.log()
                .ifValidationFails()
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("code", equalTo("INVALID_PARAMETER"))
                .body("errors[0].field", equalTo(parameter));
    }

    @Test
    void everyVersionOperationRefusesANul() {
        Map<String, Function<String, ValidatableResponse>> operations = Map.of(
                "get", version -> admin().get("/v1/policies/" + version).then(),
                "validation",
                        version -> admin().get("/v1/policies/" + version + "/validation")
                                .then(),
                "diff",
                        version ->
                                admin().get("/v1/policies/" + version + "/diff").then(),
                "publication",
                        version -> admin().post("/v1/policies/" + version + "/publication")
                                .then(),
                "what-if",
                        version -> admin().contentType(ContentType.JSON)
                                .body(WHAT_IF)
                                .post("/v1/policies/" + version + "/what-if")
                                .then());
        for (var operation : operations.entrySet()) {
            for (String version : new String[] {NUL, "v" + NUL + "1", "%1B"}) {
                refused(operation.getValue().apply(version), "version");
            }
        }
    }

    @Test
    void aNulInTheDiffBaselineIsRefusedToo() {
        refused(admin().get("/v1/policies/any/diff?against=" + NUL).then(), "against");
    }
}
