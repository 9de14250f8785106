package io.tiergate.identity.organization;

import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.quarkus.security.identity.SecurityIdentity;
import io.tiergate.commons.problem.ApiProblem;
import io.tiergate.commons.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/organizations")
@Tag(name = "organizations", description = "KYB: organizations and the subjects who act for them")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@CustomDeserialization(StrictJsonReader.class)
public class OrganizationResource {

    static final String CUSTOMER = "customer";
    static final String COMPLIANCE_OFFICER = "compliance-officer";
    static final String AUDITOR = "auditor";

    @Inject
    OrganizationService organizations;

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(CUSTOMER)
    @Operation(
            operationId = "registerOrganization",
            summary = "Register an organization for KYB (customer; the caller becomes its first representative)")
    public Response register(@Valid @NotNull OrganizationRequest request) {
        OrganizationView view = organizations.register(token.getSubject(), request);
        return Response.status(Response.Status.CREATED).entity(view).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({CUSTOMER, COMPLIANCE_OFFICER, AUDITOR})
    @Operation(
            operationId = "getOrganization",
            summary = "Read an organization (its current members, compliance officers and auditors)",
            description = "Ownership: a customer who is not a current member gets 403 NOT_AN_ORGANIZATION_MEMBER.")
    public OrganizationView get(@PathParam("id") UUID id) {
        Organization organization = organizations.find(id).orElseThrow(() -> OrganizationService.notFound(id));
        if (!caller.hasRole(COMPLIANCE_OFFICER)
                && !caller.hasRole(AUDITOR)
                && !organizations.isCurrentMember(id, token.getSubject())) {
            throw ApiProblem.forbidden(
                    OrganizationService.NOT_AN_ORGANIZATION_MEMBER,
                    "only members of organization " + id + ", compliance officers and auditors may read it");
        }
        return caller.hasRole(COMPLIANCE_OFFICER) || caller.hasRole(AUDITOR)
                ? OrganizationView.withEvidence(organization, organizations.currentMembers(id), null)
                : OrganizationView.of(organization, organizations.currentMembers(id), null);
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(COMPLIANCE_OFFICER)
    @Operation(
            operationId = "decideOrganization",
            summary = "Decide an organization in review after a screening hit: {outcome: VERIFIED|REJECTED, reason} "
                    + "(compliance officer who is not a member)")
    public OrganizationView decide(
            @PathParam("id") UUID id, @Valid @NotNull io.tiergate.identity.review.ReviewDecision decision) {
        return organizations.decide(
                token.getSubject(), id, decision.outcome(), decision.reason().strip());
    }

    @POST
    @Path("/{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({CUSTOMER, COMPLIANCE_OFFICER})
    @Operation(
            operationId = "addOrganizationMember",
            summary = "Add a member (a representative of the organization, or a compliance officer)",
            description = "Ownership: a customer who is not a representative gets 403 "
                    + "NOT_AN_ORGANIZATION_REPRESENTATIVE.")
    public Response addMember(@PathParam("id") UUID id, @Valid @NotNull MemberRequest request) {
        MembershipView view = organizations.addMember(id, request, actor());
        return Response.status(Response.Status.CREATED).entity(view).build();
    }

    @DELETE
    @Path("/{id}/members/{subject}")
    @RolesAllowed({CUSTOMER, COMPLIANCE_OFFICER})
    @Operation(
            operationId = "removeOrganizationMember",
            summary = "Remove a member (a representative, a compliance officer, or the member leaving)",
            description = "Ownership: a customer removes only themselves unless they represent the organization "
                    + "(403 NOT_AN_ORGANIZATION_REPRESENTATIVE).")
    public MembershipView removeMember(@PathParam("id") UUID id, @PathParam("subject") String subject) {
        return organizations.removeMember(id, subject, actor());
    }

    private Actor actor() {
        return new Actor(token.getSubject(), caller.hasRole(COMPLIANCE_OFFICER));
    }
}
