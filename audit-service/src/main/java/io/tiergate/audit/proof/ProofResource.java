package io.tiergate.audit.proof;

import io.tiergate.commons.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/chain/verification")
@Tag(name = "proof", description = "Tamper evidence of the audit trail")
@SecurityRequirement(name = "keycloak")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class ProofResource {

    @Inject
    ChainVerifier verifier;

    @GET
    @RolesAllowed("auditor")
    @Operation(summary = "Recompute the hash chain over every record (auditor)")
    public ChainVerification verify() {
        return verifier.verify();
    }
}
