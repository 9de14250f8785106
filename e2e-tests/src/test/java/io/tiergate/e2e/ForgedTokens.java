package io.tiergate.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.tiergate.commons.testing.KeycloakTokens;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Tokens no service may accept, crafted with the JDK alone (no JWT library is on the end-to-end classpath). Each names
 * the realm's own signing key id and claims every realm role for every service, so that a service that accepted one
 * would let it through everywhere: the matrix cannot mistake a forged token refused for its role for one refused as
 * forged.
 */
final class ForgedTokens {

    static final List<String> SERVICES =
            List.of("identity-service", "tier-service", "entitlement-service", "audit-service", "campaign-service");
    static final List<String> EVERY_ROLE =
            List.of("customer", "compliance-officer", "auditor", "platform-admin", "gateway");

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final String kid;
    private final String issuer;

    private ForgedTokens(String kid, String issuer) {
        this.kid = kid;
        this.issuer = issuer;
    }

    /** Reads the realm's published RS256 signing key id (its JWKS), which every forged token claims to be signed by. */
    static ForgedTokens forRealm() {
        String realm = KeycloakTokens.keycloakUrl() + "/realms/tiergate";
        String kid = JsonPath.from(given().get(realm + "/protocol/openid-connect/certs")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .getString("keys.find { it.use == 'sig' && it.alg == 'RS256' }.kid");
        if (kid == null) {
            throw new IllegalStateException("the realm publishes no RS256 signing key");
        }
        return new ForgedTokens(kid, realm);
    }

    String kid() {
        return kid;
    }

    /** Well signed, but by a key of our own under the realm's kid, and expired an hour ago. */
    String expired() {
        Instant now = Instant.now();
        return signed(header("RS256"), claims(now.minusSeconds(7200), now.minusSeconds(3600)), freshKey());
    }

    /** Unexpired, signed by a foreign key under the realm's kid. */
    String foreignKey() {
        Instant now = Instant.now();
        return signed(header("RS256"), claims(now, now.plusSeconds(300)), freshKey());
    }

    /** {@code alg: none}: unexpired claims and no signature at all. */
    String algNone() {
        Instant now = Instant.now();
        return encode(header("none")) + "." + encode(claims(now, now.plusSeconds(300))) + ".";
    }

    private String header(String alg) {
        return "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}";
    }

    private String claims(Instant issuedAt, Instant expiresAt) {
        return "{\"exp\":" + expiresAt.getEpochSecond() + ",\"iat\":" + issuedAt.getEpochSecond()
                + ",\"jti\":\"" + UUID.randomUUID() + "\",\"iss\":\"" + issuer + "\",\"aud\":" + array(SERVICES)
                + ",\"sub\":\"" + KeycloakTokens.ALICE_SUBJECT + "\",\"typ\":\"Bearer\",\"azp\":\"tiergate-web\""
                + ",\"preferred_username\":\"" + KeycloakTokens.ALICE + "\",\"scope\":\"openid profile email\""
                + ",\"realm_access\":{\"roles\":" + array(EVERY_ROLE) + "}}";
    }

    private static String array(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private static String signed(String header, String claims, PrivateKey key) {
        String input = encode(header) + "." + encode(claims);
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey freshKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return pair.getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The claims of a real token, read without verifying it (the matrix only needs its roles, audience and issuer). */
    static JsonPath claimsOf(String token) {
        String[] parts = token.split("\\.");
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }
}
