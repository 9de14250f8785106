package io.tiergate.console.services;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Sends the signed-in user's own access token to the service, so that each service decides by its own roles
 * (token propagation; the Quarkus extension for it is not served here, and this is all it would do).
 */
public class UserToken implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        SecurityIdentity identity = CDI.current().select(SecurityIdentity.class).get();
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token != null) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
        }
    }
}
