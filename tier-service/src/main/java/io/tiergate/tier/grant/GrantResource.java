package io.tiergate.tier.grant;

import io.quarkus.security.identity.SecurityIdentity;
import io.tiergate.commons.problem.ApiProblem;
import io.tiergate.commons.problem.Problem;
import io.tiergate.tier.request.RenewalRequest;
import io.tiergate.tier.request.TierRequestService;
import io.tiergate.tier.request.TierRequestView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/grants")
@Tag(name = "grants", description = "Tier grants: issued, suspended, reinstated, renewed, revoked, expired")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class GrantResource {

    public static final String COMPLIANCE_OFFICER = "compliance-officer";
    public static final String AUDITOR = "auditor";
    public static final String CUSTOMER = "customer";

    @Inject
    GrantService grants;

    @Inject
    TierRequestService requests;

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(COMPLIANCE_OFFICER)
    @Operation(
            operationId = "grantTier",
            summary =
                    "Grant a one-approval tier (PUBLIC, ENTERPRISE) to a person or an organization (compliance officer)",
            description =
                    "Refused with 422 REQUIREMENTS_NOT_MET naming every unmet requirement, 409 FOUR_EYES_REQUIRED "
                            + "for tiers that need two officers, 403 when the officer decides about themselves or their organization.")
    public Response grant(@Valid @NotNull GrantRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(grants.grantDirectly(token.getSubject(), request))
                .build();
    }

    @POST
    @Path("/{id}/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(COMPLIANCE_OFFICER)
    @Operation(
            operationId = "revokeTierGrant",
            summary = "Revoke a grant at once (compliance officer); returns consistency tokens for decisions")
    public GrantView revoke(@PathParam("id") UUID id, @Valid @NotNull ChangeRequest request) {
        return grants.revoke(token.getSubject(), id, request.reason().strip());
    }

    @POST
    @Path("/{id}/suspension")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(COMPLIANCE_OFFICER)
    @Operation(operationId = "suspendTierGrant", summary = "Suspend an active grant (compliance officer)")
    public GrantView suspend(@PathParam("id") UUID id, @Valid @NotNull ChangeRequest request) {
        return grants.suspend(token.getSubject(), id, request.reason().strip());
    }

    @POST
    @Path("/{id}/reinstatement")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(COMPLIANCE_OFFICER)
    @Operation(
            operationId = "reinstateTierGrant",
            summary = "Reinstate a suspended grant whose requirements are met again (compliance officer)")
    public GrantView reinstate(@PathParam("id") UUID id, @Valid @NotNull ChangeRequest request) {
        return grants.reinstate(token.getSubject(), id, request.reason().strip());
    }

    @POST
    @Path("/{id}/renewal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({COMPLIANCE_OFFICER, CUSTOMER})
    @Operation(
            operationId = "renewTierGrant",
            summary = "Ask to renew a live grant (its holder or an officer); goes through the tier's approval rules",
            description = "Ownership: a customer renews only a grant they hold, directly or through an organization "
                    + "they belong to (403 NOT_GRANT_HOLDER otherwise).")
    public Response renew(@PathParam("id") UUID id, @Valid @NotNull RenewalRequest request) {
        TierRequestView renewal =
                requests.requestRenewal(token.getSubject(), identity.hasRole(COMPLIANCE_OFFICER), id, request);
        return Response.status(Response.Status.CREATED).entity(renewal).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({COMPLIANCE_OFFICER, AUDITOR})
    @Operation(operationId = "getTierGrant", summary = "Read a grant (compliance officers and auditors)")
    public GrantView get(@PathParam("id") UUID id) {
        return GrantView.of(grants.find(id), null);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({COMPLIANCE_OFFICER, AUDITOR})
    @Operation(
            operationId = "getTierGrantHistory",
            summary =
                    "A grant's full history: every change with actor, time and reason (compliance officers and auditors)")
    public List<GrantChangeView> history(@PathParam("id") UUID id) {
        grants.find(id);
        return GrantChange.historyOf(id).stream().map(GrantChangeView::of).toList();
    }

    @GET
    @RolesAllowed({COMPLIANCE_OFFICER, AUDITOR})
    @Operation(
            operationId = "listTierGrants",
            summary = "List a holder's grants newest first (?subject=), or live grants expiring within N days "
                    + "(?expiringWithinDays=), soonest first (compliance officers and auditors)")
    public List<GrantView> list(
            @QueryParam("subject") @Size(max = 100) String subject,
            @QueryParam("expiringWithinDays") @Min(0) @Max(3650) Integer expiringWithinDays) {
        if ((subject == null) == (expiringWithinDays == null)) {
            throw ApiProblem.badRequest("QUERY_REQUIRED", "give exactly one of subject and expiringWithinDays");
        }
        List<TierGrant> found = subject != null
                ? TierGrant.ofHolder(subject)
                : TierGrant.expiringBefore(GrantService.now().plusDays(expiringWithinDays));
        return found.stream().map(g -> GrantView.of(g, null)).toList();
    }
}
