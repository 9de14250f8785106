package io.tiergate.commons.testing;

import io.restassured.RestAssured;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real access tokens from the test Keycloak (started by {@code deploy/tiergate test}), for the dev
 * realm's demo users and the demo gateway. Tokens are cached for the run; they live five minutes.
 */
public final class KeycloakTokens {

    public static final String ALICE = "alice";
    public static final String BOB = "bob";
    /** A customer that service-level tests may change at will (the end-to-end tests use alice and bob). */
    public static final String CAROL = "carol";

    public static final String OLIVIA = "olivia";
    public static final String OSCAR = "oscar";
    public static final String OWEN = "owen";
    public static final String AUDREY = "audrey";
    public static final String PAULA = "paula";

    public static final String ALICE_SUBJECT = "11111111-1111-4111-8111-000000000001";
    public static final String BOB_SUBJECT = "11111111-1111-4111-8111-000000000002";
    public static final String CAROL_SUBJECT = "11111111-1111-4111-8111-000000000003";
    public static final String OLIVIA_SUBJECT = "22222222-2222-4222-8222-000000000001";
    public static final String OSCAR_SUBJECT = "22222222-2222-4222-8222-000000000002";
    public static final String OWEN_SUBJECT = "22222222-2222-4222-8222-000000000003";

    private static final Map<String, CachedToken> CACHE = new ConcurrentHashMap<>();

    private KeycloakTokens() {}

    public static String keycloakUrl() {
        return System.getProperty(
                "tiergate.test.keycloak.url",
                System.getenv().getOrDefault("TIERGATE_TEST_KEYCLOAK_URL", "http://127.0.0.1:18180"));
    }

    /** Password grant through the public web client (allowed in the dev realm only). */
    public static String user(String username) {
        return cached("user:" + username, () -> fresh(username));
    }

    /** A newly issued token, never a cached one: its claims say what Keycloak holds now. */
    public static String fresh(String username) {
        return RestAssured.given()
                .formParam("grant_type", "password")
                .formParam("client_id", "tiergate-web")
                .formParam("username", username)
                .formParam("password", username)
                .post(tokenEndpoint())
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** Client-credentials grant for the demo gateway. */
    public static String gateway() {
        return cached(
                "gateway",
                () -> RestAssured.given()
                        .formParam("grant_type", "client_credentials")
                        .formParam("client_id", "demo-gateway")
                        .formParam("client_secret", "demo-gateway-secret")
                        .post(tokenEndpoint())
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("access_token"));
    }

    private static String tokenEndpoint() {
        return keycloakUrl() + "/realms/tiergate/protocol/openid-connect/token";
    }

    private static String cached(String key, java.util.function.Supplier<String> fetch) {
        CachedToken token = CACHE.get(key);
        if (token == null || token.isOld()) {
            token = new CachedToken(fetch.get(), System.nanoTime());
            CACHE.put(key, token);
        }
        return token.value();
    }

    private record CachedToken(String value, long fetchedAt) {
        boolean isOld() {
            return System.nanoTime() - fetchedAt > 120_000_000_000L;
        }
    }
}
