package io.tiergate.entitlement.extauthz;

import io.tiergate.commons.problem.ApiProblem;
import io.tiergate.commons.problem.Problem;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * What a gateway can forward: a check that is not an ALLOW is answered 401 (no credential, or no subject to decide
 * for) or 403 (a DENY, a refused caller, or a check that cannot be decided), never another 4xx, which nginx's
 * {@code auth_request} turns into a 500 for the end user. A refusal without a decision carries its problem code in
 * {@code x-tiergate-reasons}, because a gateway passes on headers, not the subrequest's body.
 */
public class ExtAuthzRefusals {

    static final String REASONS = "x-tiergate-reasons";

    /** The end user presented nothing the gateway could name a subject by. */
    static ApiProblem unauthenticated(String code, String detail) {
        return new ApiProblem(401, code, "Unauthorized", detail);
    }

    /** Headers no decision can be made from (too long, not a country code): refused, failing closed. */
    static ApiProblem invalidHeaders(List<Problem.Violation> violations) {
        return new ApiProblem(403, "VALIDATION_FAILED", "Forbidden", "The check has invalid headers")
                .withViolations(violations);
    }

    /** A check the decision service could not decide (a malformed client IP or consistency token): failing closed. */
    static ApiProblem undecidable(ApiProblem problem) {
        Problem refused = problem.toProblem();
        return new ApiProblem(403, refused.code(), "Forbidden", refused.detail());
    }

    /**
     * Also covers refusals raised before the resource runs (the platform's control-character filter answers 400
     * {@code INVALID_PARAMETER}) and by the security layer (401 {@code UNAUTHENTICATED}, 403 {@code FORBIDDEN}).
     * An ALLOW returns at the first comparison.
     */
    @ServerResponseFilter
    public void answerable(ContainerResponseContext response, SimpleResourceInfo resource) {
        int status = response.getStatus();
        if (status < 400
                || status >= 500
                || resource == null
                || resource.getResourceClass() != ExtAuthzResource.class
                || !(response.getEntity() instanceof Problem problem)) {
            return;
        }
        if (status != 401 && status != 403) {
            response.setStatus(403);
            response.setEntity(
                    new Problem(problem.type(), "Forbidden", 403, problem.detail(), problem.code(), problem.errors()),
                    null,
                    response.getMediaType());
            status = 403;
        }
        if (status == 401 && !response.getHeaders().containsKey(HttpHeaders.WWW_AUTHENTICATE)) {
            response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (!response.getHeaders().containsKey(REASONS)) {
            response.getHeaders().putSingle(REASONS, problem.code());
        }
    }
}
