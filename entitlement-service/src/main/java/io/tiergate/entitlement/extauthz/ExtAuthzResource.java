package io.tiergate.entitlement.extauthz;

import io.quarkus.security.identity.SecurityIdentity;
import io.tiergate.commons.problem.ApiProblem;
import io.tiergate.commons.problem.Problem;
import io.tiergate.entitlement.decision.Decision;
import io.tiergate.entitlement.decision.DecisionRequest;
import io.tiergate.entitlement.decision.DecisionService;
import io.tiergate.entitlement.decision.Reason;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
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
import java.util.Comparator;
import java.util.stream.Collectors;
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

    static final String SUBJECT = "x-tiergate-subject";
    static final String CAPABILITY = "x-tiergate-capability";
    static final String JURISDICTION = "x-tiergate-jurisdiction";
    static final String CONSISTENCY_TOKEN = "x-tiergate-consistency-token";
    static final String CLIENT_IP = "x-tiergate-client-ip";
    /** Set by Envoy itself from the downstream connection (trusted, unlike x-forwarded-for). */
    static final String ENVOY_EXTERNAL_ADDRESS = "x-envoy-external-address";

    static final String GATEWAY = "gateway";
    static final String CUSTOMER = "customer";

    @Inject
    DecisionService decisions;

    @Inject
    SecurityIdentity caller;

    @Inject
    JsonWebToken token;

    @Inject
    Validator validator;

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
        DecisionRequest request = new DecisionRequest(
                subject(headers),
                capability(path, headers),
                new DecisionRequest.Context(headers.getHeaderString(JURISDICTION), clientIp(headers)),
                headers.getHeaderString(CONSISTENCY_TOKEN));
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw ExtAuthzRefusals.invalidHeaders(violations.stream()
                    .map(v -> new Problem.Violation(header(v.getPropertyPath().toString()), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.Violation::field))
                    .toList());
        }
        Decision decision;
        try {
            decision = decisions.decide(request);
        } catch (ApiProblem malformed) { // INVALID_CLIENT_IP, INVALID_CONSISTENCY_TOKEN: the gateway's headers
            throw ExtAuthzRefusals.undecidable(malformed);
        }
        boolean allowed = decision.decision() == Decision.Verdict.ALLOW;
        Response.ResponseBuilder response = Response.status(allowed ? 200 : 403)
                .header("x-tiergate-decision", decision.decision().name())
                .header("x-tiergate-decision-id", decision.decisionId())
                .header("x-tiergate-policy-version", decision.policyVersion())
                .header(
                        "x-tiergate-reasons",
                        decision.reasons().stream().map(Reason::code).collect(Collectors.joining(",")));
        if (decision.obligations() != null) {
            response.header("x-tiergate-obligations", String.join(",", decision.obligations()));
        }
        if (decision.budgets() != null) {
            decision.budgets().stream()
                    .filter(b -> b.requestsLimit() != null)
                    .findFirst()
                    .ifPresent(b -> response.header("x-ratelimit-limit", b.requestsLimit())
                            .header("x-ratelimit-remaining", b.requestsRemaining()));
        }
        if (!allowed) {
            // Envoy returns a denial's body to the client: say why, never more.
            response.type(MediaType.APPLICATION_JSON).entity(decision);
        }
        return response.build();
    }

    /** Names the header a gateway sent rather than the request's field (context.clientIp → x-tiergate-client-ip). */
    private static String header(String field) {
        return switch (field) {
            case "subject" -> SUBJECT;
            case "capability" -> CAPABILITY;
            case "context.jurisdiction" -> JURISDICTION;
            case "context.clientIp" -> CLIENT_IP;
            case "consistencyToken" -> CONSISTENCY_TOKEN;
            default -> field;
        };
    }

    private static String clientIp(HttpHeaders headers) {
        String named = headers.getHeaderString(CLIENT_IP);
        return named != null ? named : headers.getHeaderString(ENVOY_EXTERNAL_ADDRESS);
    }

    private String subject(HttpHeaders headers) {
        String named = headers.getHeaderString(SUBJECT);
        if (caller.hasRole(GATEWAY)) {
            if (named == null || named.isBlank()) {
                // nobody to decide for: the end user presented no credential the gateway knows
                throw ExtAuthzRefusals.unauthenticated("SUBJECT_REQUIRED", "a gateway names the subject in " + SUBJECT);
            }
            return named.strip();
        }
        if (named != null && !named.strip().equals(token.getSubject())) {
            throw ApiProblem.forbidden("OTHER_SUBJECT_FORBIDDEN", "a user's token decides for that user only");
        }
        return token.getSubject();
    }

    static String capability(String path, HttpHeaders headers) {
        String named = headers.getHeaderString(CAPABILITY);
        if (named != null && !named.isBlank()) {
            return named.strip();
        }
        String[] segments = path.replaceAll("^/+", "").split("/");
        if (segments.length < 2 || segments[0].isBlank() || segments[1].isBlank()) {
            throw ApiProblem.forbidden(
                    "CAPABILITY_REQUIRED",
                    "name the capability in " + CAPABILITY + " or as the path /{model}/{feature}/...");
        }
        return segments[0] + ":" + segments[1];
    }
}
