package io.tiergate.campaign.campaign;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tiergate.campaign.stix.StixBundles;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/campaigns")
@Tag(name = "campaigns", description = "Coordinated extraction campaigns across accounts, pending an officer")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@APIResponse(
        responseCode = "401",
        description = "No valid token for campaign-service",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "403",
        description = "The caller's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CampaignResource {

    @Inject
    CampaignService campaigns;

    @Inject
    StixBundles stix;

    @Inject
    JsonWebToken token;

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR})
    @Operation(operationId = "listCampaigns", summary = "Campaigns, highest score first (compliance officer, auditor)")
    @APIResponse(responseCode = "200", description = "Campaigns without their member lists")
    public List<CampaignView> list(
            @QueryParam("status") CampaignStatus status,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return campaigns.list(status, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR})
    @Operation(
            operationId = "getCampaign",
            summary = "A campaign with its members, scores and evidence (compliance " + "officer, auditor)")
    @APIResponse(responseCode = "200", description = "The campaign")
    @APIResponse(
            responseCode = "404",
            description = "No such campaign",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CampaignView get(@PathParam("id") UUID id) {
        return campaigns.get(id);
    }

    @POST
    @Path("/{id}/confirmation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICER)
    @Operation(
            operationId = "confirmCampaign",
            summary = "Confirm a pending campaign: its members' grants are "
                    + "suspended and they must verify again (compliance officer)")
    @APIResponse(responseCode = "200", description = "The confirmed campaign")
    @APIResponse(
            responseCode = "400",
            description = "No reason given",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such campaign",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The campaign was already decided or merged",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CampaignView confirm(@PathParam("id") UUID id, @Valid @NotNull OfficerDecision decision) {
        return campaigns.confirm(id, token.getSubject(), decision.reason());
    }

    @POST
    @Path("/{id}/dismissal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OFFICER)
    @Operation(
            operationId = "dismissCampaign",
            summary = "Dismiss a pending campaign: containment is lifted and its "
                    + "evidence no longer counts against its members (compliance officer)")
    @APIResponse(responseCode = "200", description = "The dismissed campaign")
    @APIResponse(
            responseCode = "400",
            description = "No reason given",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such campaign",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The campaign was already decided or merged",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CampaignView dismiss(@PathParam("id") UUID id, @Valid @NotNull OfficerDecision decision) {
        return campaigns.dismiss(id, token.getSubject(), decision.reason());
    }

    @GET
    @Path("/{id}/stix")
    @Produces({"application/stix+json", MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR})
    @Operation(
            operationId = "getCampaignStix",
            summary = "The campaign's threat indicators as a STIX 2.1 bundle, "
                    + "accounts pseudonymised, to share with other providers (compliance officer, auditor)")
    @APIResponse(responseCode = "200", description = "A STIX 2.1 bundle")
    @APIResponse(
            responseCode = "404",
            description = "No such campaign",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ObjectNode stix(@PathParam("id") UUID id) {
        return stix.bundle(campaigns.get(id));
    }
}
