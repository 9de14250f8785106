package io.tiergate.entitlement.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.Principal;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers bearer tokens Quarkus OIDC has verified, until they expire, so that a gateway presenting the same
 * token on every request pays for the signature check and the claim parsing once (as Envoy's jwt_authn does with
 * its JWT cache). Only a token OIDC accepted is ever remembered, keyed by the whole token; a hit is re-checked
 * against the token's expiry; a miss falls through to OIDC. The trade-off: a token stays accepted until its
 * {@code exp} even if the realm's signing key is withdrawn meanwhile, as it would with locally verified JWTs
 * and cached keys.
 * <p>
 * It is an authentication mechanism ahead of OIDC's, not an identity provider behind it, because OIDC's mechanism
 * resolves its tenant and parses the token's claims on every request before any provider is asked.
 */
@ApplicationScoped
public class VerifiedTokenCache implements HttpAuthenticationMechanism, SecurityIdentityAugmentor {

    private static final String BEARER = "Bearer ";

    /** What OIDC established for a token. */
    private record Verified(
            Principal principal, Set<String> roles, AccessTokenCredential credential, long expiresAtSeconds) {}

    private final Cache<String, Verified> verified;
    private final boolean enabled;

    VerifiedTokenCache(AuthConfig config) {
        this.enabled = config.tokenCache().enabled();
        this.verified =
                Caffeine.newBuilder().maximumSize(config.tokenCache().size()).build();
    }

    /** Ahead of OIDC's mechanism: a remembered, unexpired token; otherwise null, and OIDC verifies it. */
    @Override
    public int getPriority() {
        return HttpAuthenticationMechanism.DEFAULT_PRIORITY + 1000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String authorization = enabled ? context.request().getHeader(HttpHeaders.AUTHORIZATION) : null;
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().nullItem();
        }
        String token = authorization.substring(BEARER.length()).strip();
        Verified hit = verified.getIfPresent(token);
        if (hit == null) {
            return Uni.createFrom().nullItem();
        }
        if (hit.expiresAtSeconds() <= System.currentTimeMillis() / 1000) {
            verified.invalidate(token);
            return Uni.createFrom().nullItem(); // OIDC refuses it as expired
        }
        return Uni.createFrom()
                .item(QuarkusSecurityIdentity.builder()
                        .setPrincipal(hit.principal())
                        .addRoles(hit.roles())
                        .addCredential(hit.credential())
                        .build());
    }

    /** OIDC's mechanism challenges (401 with its WWW-Authenticate). */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    /** The tokens it accepts are OIDC's: OIDC's identity provider verifies them on a miss. */
    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    /** Whether the token is remembered (for tests and diagnostics). */
    boolean remembers(String token) {
        return verified.getIfPresent(token) != null;
    }

    /** After OIDC accepted a token: remember it until its expiry. */
    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (enabled
                && !identity.isAnonymous()
                && identity.getPrincipal() instanceof JsonWebToken jwt
                && jwt.getExpirationTime() > 0) {
            AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
            if (credential != null && verified.getIfPresent(credential.getToken()) == null) {
                verified.put(
                        credential.getToken(),
                        new Verified(
                                identity.getPrincipal(),
                                Set.copyOf(identity.getRoles()),
                                credential,
                                jwt.getExpirationTime()));
            }
        }
        return Uni.createFrom().item(identity);
    }
}
