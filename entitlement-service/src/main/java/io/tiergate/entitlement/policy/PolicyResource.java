package io.tiergate.entitlement.policy;

import io.quarkus.security.identity.SecurityIdentity;
import io.tiergate.commons.problem.ApiProblem;
import io.tiergate.commons.problem.Problem;
import io.tiergate.entitlement.decision.Decision;
import io.tiergate.entitlement.decision.DecisionRequest;
import io.tiergate.entitlement.decision.DecisionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The policy lifecycle: draft → validate → diff → publish → roll back, and what-if evaluation of a draft.
 * Platform admins and compliance officers manage policy; auditors read it. Publication and rollback need two
 * officers, as directives do, since either can change every decision at once.
 */
@Path("/v1/policies")
@Tag(name = "policies", description = "Versioned capability catalogue and per-tier entitlements")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class PolicyResource {

    static final String OFFICER = "compliance-officer";
    static final String ADMIN = "platform-admin";
    static final String AUDITOR = "auditor";

    @Inject
    PolicyService policies;

    @Inject
    DecisionService decisions;

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity caller;

    @GET
    @RolesAllowed({OFFICER, ADMIN, AUDITOR})
    @Operation(
            operationId = "listPolicies",
            summary = "Every policy version, newest first, with its status and whether it is in force")
    public List<PolicyViews.Summary> list() {
        return policies.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({OFFICER, ADMIN})
    @Operation(
            operationId = "draftPolicy",
            summary = "Store a draft (201). It is kept even when it does not validate yet; the answer carries the "
                    + "validation. Versions are immutable: an existing version is refused (409 POLICY_VERSION_EXISTS)")
    public Response draft(@Valid @NotNull PolicyDocument document) {
        return Response.status(Response.Status.CREATED)
                .entity(policies.draft(token.getSubject(), document))
                .build();
    }

    @GET
    @Path("/publications")
    @RolesAllowed({OFFICER, ADMIN, AUDITOR})
    @Operation(
            operationId = "listPublications",
            summary = "The publication log, newest first: who put which version in force, and rollbacks")
    public List<PolicyViews.Publication> publications() {
        return policies.publications();
    }

    @GET
    @Path("/{version}")
    @RolesAllowed({OFFICER, ADMIN, AUDITOR})
    @Operation(operationId = "getPolicy", summary = "One version: its document, status and validation")
    public PolicyViews.Detail get(@PathParam("version") @Size(max = 64) String version) {
        return policies.get(version);
    }

    @GET
    @Path("/{version}/validation")
    @RolesAllowed({OFFICER, ADMIN, AUDITOR})
    @Operation(
            operationId = "validatePolicy",
            summary = "Validate a version: every problem, each with the field at fault")
    public PolicyViews.Validation validate(@PathParam("version") @Size(max = 64) String version) {
        return policies.validate(version);
    }

    @GET
    @Path("/{version}/diff")
    @RolesAllowed({OFFICER, ADMIN, AUDITOR})
    @Operation(
            operationId = "diffPolicy",
            summary = "What a version changes, capability by capability, against another (default: the one in force)")
    public PolicyViews.Diff diff(
            @PathParam("version") @Size(max = 64) String version,
            @QueryParam("against") @Size(max = 64) String against) {
        return policies.diff(version, against);
    }

    @POST
    @Path("/{version}/publication")
    @RolesAllowed({OFFICER, ADMIN})
    @Operation(
            operationId = "publishPolicy",
            summary =
                    "Ask for a valid version to be put in force everywhere (422 POLICY_INVALID otherwise); a "
                            + "version that was in force before comes back as a rollback. Four eyes: the answer is a pending request "
                            + "(202) that a second officer confirms. A platform admin with breakGlass=true puts it in force at once "
                            + "(200), flagged for review; anyone else asking for breakGlass is refused (403 BREAK_GLASS_FORBIDDEN)")
    @APIResponse(
            responseCode = "202",
            description = "pending a second officer",
            content = @Content(schema = @Schema(implementation = PolicyViews.PublicationRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "break-glass: in force",
            content = @Content(schema = @Schema(implementation = PolicyViews.Publication.class)))
    public Response publish(
            @PathParam("version") @Size(max = 64) String version, @QueryParam("breakGlass") boolean breakGlass) {
        return answer(policies.requestPublication(token.getSubject(), breakGlass(breakGlass), version));
    }

    @POST
    @Path("/rollback")
    @RolesAllowed({OFFICER, ADMIN})
    @Operation(
            operationId = "rollBackPolicy",
            summary = "Ask to put back the version that was in force before the current one: four eyes, as a "
                    + "publication (202 pending; 200 for a platform admin's breakGlass=true)")
    @APIResponse(
            responseCode = "202",
            description = "pending a second officer",
            content = @Content(schema = @Schema(implementation = PolicyViews.PublicationRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "break-glass: in force",
            content = @Content(schema = @Schema(implementation = PolicyViews.Publication.class)))
    public Response rollback(@QueryParam("breakGlass") boolean breakGlass) {
        return answer(policies.requestRollback(token.getSubject(), breakGlass(breakGlass)));
    }

    @GET
    @Path("/publication-requests")
    @RolesAllowed({OFFICER, ADMIN, AUDITOR})
    @Operation(
            operationId = "listPublicationRequests",
            summary = "Publications and rollbacks waiting for a second officer, oldest first")
    public List<PolicyViews.PublicationRequest> pendingRequests() {
        return policies.pendingRequests();
    }

    @POST
    @Path("/publication-requests/{id}/confirmation")
    @RolesAllowed({OFFICER, ADMIN})
    @Operation(
            operationId = "confirmPublicationRequest",
            summary = "Confirm a pending publication or rollback (a different officer than the requester: 403 "
                    + "CONFIRMER_IS_REQUESTER); it is in force at once. A request made against a version no longer in force "
                    + "cannot be confirmed (409 PUBLICATION_REQUEST_DECIDED)")
    public PolicyViews.Publication confirm(@PathParam("id") UUID id) {
        return policies.confirm(token.getSubject(), id);
    }

    private boolean breakGlass(boolean asked) {
        if (asked && !caller.hasRole(ADMIN)) {
            throw ApiProblem.forbidden("BREAK_GLASS_FORBIDDEN", "only a platform admin may publish a policy alone");
        }
        return asked;
    }

    private static Response answer(PolicyService.Requested requested) {
        return requested.publication() != null
                ? Response.ok(requested.publication()).build()
                : Response.status(Response.Status.ACCEPTED)
                        .entity(requested.request())
                        .build();
    }

    @POST
    @Path("/{version}/what-if")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({OFFICER, ADMIN})
    @Operation(
            operationId = "whatIfPolicy",
            summary = "Decide a request under a version without publishing it: nothing is charged or logged")
    public Decision whatIf(
            @PathParam("version") @Size(max = 64) String version, @Valid @NotNull DecisionRequest request) {
        return decisions.whatIf(policies.compiled(version), request);
    }
}
