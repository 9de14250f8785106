package io.tiergate.entitlement.baseline;

import io.tiergate.commons.problem.ApiProblem;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Constant answers the decision benchmark measures the decision API against, in the same service and process:
 * one plain and unauthenticated, one behind the same gateway token as decisions. Off (404) unless
 * {@code tiergate.bench.baseline-enabled}.
 */
@Path("/v1/baseline")
@Tag(name = "baseline", description = "Benchmark baselines (disabled in production)")
@Produces(MediaType.APPLICATION_JSON)
public class BaselineResource {

    private static final String CONSTANT = "{\"decision\":\"ALLOW\"}";

    @Inject
    BenchConfig bench;

    @GET
    @Path("/plain")
    @PermitAll
    @APIResponse(responseCode = "200", description = "The constant {\"decision\":\"ALLOW\"}")
    @APIResponse(responseCode = "404", description = "Baselines are off: the default outside benchmarks")
    @Operation(
            operationId = "getPlainBaseline",
            summary = "A constant, unauthenticated (anyone; only when enabled for a benchmark)")
    public String plain() {
        return constant();
    }

    @POST
    @Path("/authenticated")
    @RolesAllowed("gateway")
    @APIResponse(responseCode = "200", description = "The constant {\"decision\":\"ALLOW\"}")
    @APIResponse(responseCode = "404", description = "Baselines are off: the default outside benchmarks")
    @Operation(
            operationId = "postAuthenticatedBaseline",
            summary = "A constant behind the gateway role (only when enabled for a benchmark)")
    public String authenticated() {
        return constant();
    }

    private String constant() {
        if (!bench.baselineEnabled()) {
            throw ApiProblem.notFound("NOT_FOUND", "baselines are enabled for benchmarks only");
        }
        return CONSTANT;
    }
}
