package io.tiergate.audit.shredding;

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
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/erasures")
@Tag(name = "erasure", description = "Crypto-shredding of a subject's personal data (GDPR Art. 17)")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class ErasureResource {

    @Inject
    ErasureService erasures;

    @Inject
    JsonWebToken token;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("platform-admin")
    @Operation(
            operationId = "eraseSubject",
            summary = "Erase a subject (platform-admin): destroys their key, so their entries read as redacted "
                    + "while every hash and proof still verifies; the erasure is itself an entry")
    public Response erase(@Valid @NotNull ErasureRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(erasures.erase(request, token.getSubject()))
                .build();
    }
}
