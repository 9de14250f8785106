package io.tiergate.entitlement.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tiergate.commons.testing.KeycloakTokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test helpers for the policy API, as a platform admin or compliance officer would call it. */
public final class Policies {

    private Policies() {}

    public static ValidatableResponse post(String user, String path, Object body) {
        var request = given().auth().oauth2(KeycloakTokens.user(user)).contentType(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        return request.when().post(path).then().log().ifValidationFails();
    }

    public static ValidatableResponse get(String user, String path) {
        return given().auth()
                .oauth2(KeycloakTokens.user(user))
                .when()
                .get(path)
                .then()
                .log()
                .ifValidationFails();
    }

    /** The capabilities of the version in force, to build a draft on. */
    public static Map<String, Object> capabilitiesInForce() {
        String version = get(KeycloakTokens.PAULA, "/v1/policies")
                .statusCode(200)
                .extract()
                .path("find { it.inForce }.version");
        return new HashMap<>(get(KeycloakTokens.PAULA, "/v1/policies/" + version)
                .statusCode(200)
                .extract()
                .path("document.capabilities"));
    }

    /** A draft of the policy in force plus the given capabilities; returns its version. */
    public static String draftWith(Map<String, List<Map<String, Object>>> added) {
        Map<String, Object> capabilities = capabilitiesInForce();
        capabilities.putAll(added);
        String version = "test-" + UUID.randomUUID();
        post(
                        KeycloakTokens.OLIVIA,
                        "/v1/policies",
                        Map.of("version", version, "description", "test draft", "capabilities", capabilities))
                .statusCode(201);
        return version;
    }

    /** Four eyes: Olivia asks, Oscar confirms. */
    public static void publish(String version) {
        String request = post(KeycloakTokens.OLIVIA, "/v1/policies/" + version + "/publication", null)
                .statusCode(202)
                .extract()
                .path("id");
        confirm(KeycloakTokens.OSCAR, request).statusCode(200);
    }

    /** Four eyes: Oscar asks, Olivia confirms. */
    public static void rollback() {
        String request = post(KeycloakTokens.OSCAR, "/v1/policies/rollback", null)
                .statusCode(202)
                .extract()
                .path("id");
        confirm(KeycloakTokens.OLIVIA, request).statusCode(200);
    }

    public static ValidatableResponse confirm(String user, String request) {
        return post(user, "/v1/policies/publication-requests/" + request + "/confirmation", null);
    }
}
