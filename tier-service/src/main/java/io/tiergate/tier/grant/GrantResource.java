package io.tiergate.tier.grant;

import io.tiergate.commons.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/v1/grants")
@Tag(name = "grants", description = "Tier grants made by compliance officers")
@SecurityRequirement(name = "keycloak")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class GrantResource {

    static final String COMPLIANCE_OFFICER = "compliance-officer";
    static final String AUDITOR = "auditor";

    @Inject
    GrantService grants;

    @Inject
    JsonWebToken token;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(COMPLIANCE_OFFICER)
    @Operation(summary = "Grant a tier to a verified subject (compliance officer)")
    public Response grant(@Valid @NotNull GrantRequest request) {
        return Response.status(Response.Status.CREATED).entity(grants.grant(token.getSubject(), request)).build();
    }

    @POST
    @Path("/{id}/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(COMPLIANCE_OFFICER)
    @Operation(summary = "Revoke a grant at once (compliance officer); returns a consistency token for decisions")
    public GrantView revoke(@PathParam("id") UUID id, @Valid @NotNull RevocationRequest request) {
        return grants.revoke(token.getSubject(), id, request);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({COMPLIANCE_OFFICER, AUDITOR})
    @Operation(summary = "Read a grant (compliance officers and auditors)")
    public GrantView get(@PathParam("id") UUID id) {
        return GrantView.of(grants.find(id), null);
    }

    @GET
    @RolesAllowed({COMPLIANCE_OFFICER, AUDITOR})
    @Operation(summary = "List a subject's grants, newest first (compliance officers and auditors)")
    public List<GrantView> ofSubject(@QueryParam("subject") @NotBlank String subject) {
        return TierGrant.ofSubject(subject).stream().map(g -> GrantView.of((TierGrant) g, null)).toList();
    }
}
