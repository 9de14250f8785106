package io.tiergate.tier.request;

import static io.tiergate.tier.grant.GrantResource.AUDITOR;
import static io.tiergate.tier.grant.GrantResource.COMPLIANCE_OFFICER;
import static io.tiergate.tier.grant.GrantResource.CUSTOMER;

import io.quarkus.security.identity.SecurityIdentity;
import io.tiergate.commons.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/tier-requests")
@Tag(
        name = "tier requests",
        description = "Customers request tiers; compliance officers approve (four-eyes where required) or deny")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class TierRequestResource {

    @Inject
    TierRequestService requests;

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({CUSTOMER, COMPLIANCE_OFFICER})
    @Operation(
            operationId = "submitTierRequest",
            summary = "Request a tier with a justification and intended use (a customer for themselves or their "
                    + "organization; an officer on someone's behalf)",
            description = "Refused with 422 REQUIREMENTS_NOT_MET naming every unmet requirement.")
    public Response submit(@Valid @NotNull NewTierRequest body) {
        return Response.status(Response.Status.CREATED)
                .entity(requests.submit(token.getSubject(), isOfficer(), body))
                .build();
    }

    @POST
    @Path("/{id}/approvals")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(COMPLIANCE_OFFICER)
    @Operation(
            operationId = "approveTierRequest",
            summary = "Approve a request (compliance officer); the last required approval issues the grant",
            description = "403 APPROVER_IS_REQUESTER, SELF_DECISION_FORBIDDEN or OWN_ORGANIZATION_FORBIDDEN; "
                    + "409 FOUR_EYES_SAME_OFFICER when the same officer approves twice.")
    public TierRequestView approve(@PathParam("id") UUID id, @Valid Approval body) {
        return requests.approve(token.getSubject(), id, body);
    }

    @POST
    @Path("/{id}/denial")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(COMPLIANCE_OFFICER)
    @Operation(operationId = "denyTierRequest", summary = "Deny a request with a reason (compliance officer)")
    public TierRequestView deny(@PathParam("id") UUID id, @Valid @NotNull Denial body) {
        return requests.deny(token.getSubject(), id, body);
    }

    @GET
    @RolesAllowed({COMPLIANCE_OFFICER, AUDITOR})
    @Operation(
            operationId = "listTierRequests",
            summary = "The request queue, oldest first (compliance officers and auditors)")
    public List<TierRequestView> queue(
            @QueryParam("status") @DefaultValue("PENDING") TierRequest.Status status,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return requests.queue(status, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({CUSTOMER, COMPLIANCE_OFFICER, AUDITOR})
    @Operation(
            operationId = "getTierRequest",
            summary = "Read a request (its requester or subject, officers, auditors)",
            description = "Ownership: a customer reads only requests they made or that name them as the holder; "
                    + "others' are 403 NOT_YOUR_REQUEST.")
    public TierRequestView get(@PathParam("id") UUID id) {
        return requests.view(id, token.getSubject(), isOfficer() || identity.hasRole(AUDITOR));
    }

    private boolean isOfficer() {
        return identity.hasRole(COMPLIANCE_OFFICER);
    }
}
