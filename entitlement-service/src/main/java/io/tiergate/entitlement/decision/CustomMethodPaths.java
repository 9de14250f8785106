package io.tiergate.entitlement.decision;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;

/**
 * Serves the contract's custom-method path {@code POST /v1/decisions:batch} (the Google API style) by routing it,
 * before matching, to {@code /v1/decisions/batch}: a colon right after a resource path does not match as a
 * literal in the router.
 */
@Provider
@PreMatching
public class CustomMethodPaths implements ContainerRequestFilter {

    static final String BATCH = "/v1/decisions:batch";

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (BATCH.equals(path) || "/v1/decisions%3Abatch".equalsIgnoreCase(path)) {
            URI uri = request.getUriInfo()
                    .getRequestUriBuilder()
                    .replacePath("/v1/decisions/batch")
                    .build();
            request.setRequestUri(uri);
        }
    }
}
