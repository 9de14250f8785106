package io.tiergate.entitlement.directive;

import io.quarkus.security.identity.SecurityIdentity;
import io.tiergate.commons.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/directives")
@Tag(name = "directives", description = "Emergency directives that override tier entitlements")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class DirectiveResource {

    static final String OFFICER = "compliance-officer";
    static final String ADMIN = "platform-admin";

    @Inject
    DirectiveService directives;

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({OFFICER, ADMIN})
    @Operation(
            operationId = "issueDirective",
            summary = "Issue a directive (compliance officer: pending a second officer's confirmation; platform "
                    + "admin with breakGlass: in force at once, marked for review)")
    public Response issue(@Valid @NotNull DirectiveRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(directives.issue(token.getSubject(), caller.hasRole(ADMIN), request))
                .build();
    }

    @POST
    @Path("/{id}/confirmation")
    @RolesAllowed({OFFICER, ADMIN})
    @Operation(
            operationId = "confirmDirective",
            summary = "Confirm a pending directive (a different officer than the issuer); it is in force at once")
    public DirectiveView confirm(@PathParam("id") UUID id) {
        return directives.confirm(token.getSubject(), id);
    }

    @POST
    @Path("/{id}/revocation")
    @RolesAllowed({OFFICER, ADMIN})
    @Operation(operationId = "revokeDirective", summary = "Lift a directive (compliance officer or platform admin)")
    public DirectiveView revoke(@PathParam("id") UUID id) {
        return directives.revoke(token.getSubject(), id);
    }

    @GET
    @RolesAllowed({OFFICER, ADMIN, "auditor"})
    @Operation(
            operationId = "listDirectives",
            summary = "Every directive, newest first, with whether it is in force and whether it was break-glass")
    public List<DirectiveView> list() {
        return Directive.<Directive>list("order by issuedAt desc").stream()
                .map(DirectiveView::of)
                .toList();
    }
}
