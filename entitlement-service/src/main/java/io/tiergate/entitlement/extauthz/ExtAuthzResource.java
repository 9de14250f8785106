package io.tiergate.entitlement.extauthz;

import io.quarkus.security.identity.SecurityIdentity;
import io.tiergate.commons.problem.ApiProblem;
import io.tiergate.entitlement.decision.Decision;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Envoy's ext_authz HTTP service protocol, and nginx's {@code auth_request}: the gateway forwards the original
 * request's method, path (below {@code /v1/ext-authz/}) and headers; the answer is 200 to let it through, or 401 / 403
 * to refuse it (never another status: see {@link ExtAuthzRefusals}), with the decision in headers
 * ({@code x-tiergate-decision}, {@code -decision-id}, {@code -policy-version}, {@code -reasons}) that the gateway can
 * pass upstream or back to the client.
 * <ul>
 *   <li>Caller: a gateway (role {@code gateway}) naming the subject in {@code x-tiergate-subject}, or the end user's
 *   own access token (role {@code customer}), whose {@code sub} is the subject.</li>
 *   <li>Capability: {@code x-tiergate-capability}, else the first two path segments, {@code /mythos-5/chat/...} →
 *   {@code mythos-5:chat}.</li>
 *   <li>Jurisdiction: {@code x-tiergate-jurisdiction}; client IP: {@code x-tiergate-client-ip}, else Envoy's
 *   {@code x-envoy-external-address}; consistency: {@code x-tiergate-consistency-token}.</li>
 *   <li>An ALLOW carries {@code x-tiergate-obligations} and, under a request budget, {@code x-ratelimit-limit} and
 *   {@code x-ratelimit-remaining}.</li>
 * </ul>
 */
@Path("/v1/ext-authz")
@Tag(
        name = "ext_authz",
        description = "Envoy ext_authz HTTP service and nginx auth_request: 200 allows; 401 "
                + "(no credential, no subject) and 403 (DENY, refused caller, undecidable check) refuse")
public class ExtAuthzResource {

    /** Set by Envoy itself from the downstream connection (trusted, unlike x-forwarded-for). */
    static final String ENVOY_EXTERNAL_ADDRESS = "x-envoy-external-address";

    static final String GATEWAY = "gateway";
    static final String CUSTOMER = "customer";

    @Inject
    ExtAuthzCheck extAuthz;

    @Inject
    SecurityIdentity caller;

    @Inject
    JsonWebToken token;

    @GET
    @Path("{path: .*}")
    @RolesAllowed({GATEWAY, CUSTOMER})
    @Operation(
            operationId = "extAuthzGet",
            summary = "ext_authz check of a GET (gateway with x-tiergate-subject, or the user's own token)")
    public Response get(@PathParam("path") String path, HttpHeaders headers) {
        return check(path, headers);
    }

    @POST
    @Path("{path: .*}")
    @RolesAllowed({GATEWAY, CUSTOMER})
    @Operation(operationId = "extAuthzPost", summary = "ext_authz check of a POST")
    public Response post(@PathParam("path") String path, HttpHeaders headers) {
        return check(path, headers);
    }

    @PUT
    @Path("{path: .*}")
    @RolesAllowed({GATEWAY, CUSTOMER})
    @Operation(operationId = "extAuthzPut", summary = "ext_authz check of a PUT")
    public Response put(@PathParam("path") String path, HttpHeaders headers) {
        return check(path, headers);
    }

    @PATCH
    @Path("{path: .*}")
    @RolesAllowed({GATEWAY, CUSTOMER})
    @Operation(operationId = "extAuthzPatch", summary = "ext_authz check of a PATCH")
    public Response patch(@PathParam("path") String path, HttpHeaders headers) {
        return check(path, headers);
    }

    @DELETE
    @Path("{path: .*}")
    @RolesAllowed({GATEWAY, CUSTOMER})
    @Operation(operationId = "extAuthzDelete", summary = "ext_authz check of a DELETE")
    public Response delete(@PathParam("path") String path, HttpHeaders headers) {
        return check(path, headers);
    }

    @HEAD
    @Path("{path: .*}")
    @RolesAllowed({GATEWAY, CUSTOMER})
    @Operation(operationId = "extAuthzHead", summary = "ext_authz check of a HEAD")
    public Response head(@PathParam("path") String path, HttpHeaders headers) {
        return check(path, headers);
    }

    @OPTIONS
    @Path("{path: .*}")
    @RolesAllowed({GATEWAY, CUSTOMER})
    @Operation(operationId = "extAuthzOptions", summary = "ext_authz check of a OPTIONS")
    public Response options(@PathParam("path") String path, HttpHeaders headers) {
        return check(path, headers);
    }

    private Response check(String path, HttpHeaders headers) {
        Decision decision = extAuthz.decide(subject(headers), path, headers::getHeaderString, clientIp(headers));
        Response.ResponseBuilder response = Response.status(decision.allowed() ? 200 : 403);
        ExtAuthzCheck.headers(decision).forEach(response::header);
        if (!decision.allowed()) {
            // Envoy returns a denial's body to the client: say why, never more.
            response.type(MediaType.APPLICATION_JSON).entity(decision);
        }
        return response.build();
    }

    private static String clientIp(HttpHeaders headers) {
        String named = headers.getHeaderString(ExtAuthzCheck.CLIENT_IP);
        return named != null ? named : headers.getHeaderString(ENVOY_EXTERNAL_ADDRESS);
    }

    private String subject(HttpHeaders headers) {
        String named = headers.getHeaderString(ExtAuthzCheck.SUBJECT);
        if (caller.hasRole(GATEWAY)) {
            return ExtAuthzCheck.gatewaySubject(named);
        }
        if (named != null && !named.strip().equals(token.getSubject())) {
            throw ApiProblem.forbidden("OTHER_SUBJECT_FORBIDDEN", "a user's token decides for that user only");
        }
        return token.getSubject();
    }
}
