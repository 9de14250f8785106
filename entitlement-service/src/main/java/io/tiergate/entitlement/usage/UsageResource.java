package io.tiergate.entitlement.usage;

import io.tiergate.commons.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/usage")
@Tag(name = "usage", description = "Gateways report what allowed requests used, against usage budgets")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class UsageResource {

    @Inject
    UsageReports reports;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("gateway")
    @Operation(
            operationId = "reportUsage",
            summary = "Report the tokens an allowed request used (gateway). Accepted (202): recorded durably, and "
                    + "counted against token budgets by every instance within moments")
    public Response report(@Valid @NotNull UsageReport report) {
        reports.report(report);
        return Response.accepted(Map.of("status", "ACCEPTED")).build();
    }
}
