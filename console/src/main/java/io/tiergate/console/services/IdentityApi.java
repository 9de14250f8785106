package io.tiergate.console.services;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** identity-service: verifications, the review queue, clusters, organizations (docs/api.md). */
@RegisterRestClient(configKey = "identity")
@RegisterProvider(UserToken.class)
@RegisterProvider(ProblemMapper.class)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface IdentityApi {

    @POST
    @Path("/verifications")
    Map<String, Object> submitVerification(Map<String, Object> claims);

    @GET
    @Path("/verifications/{id}")
    Map<String, Object> verification(@PathParam("id") String id);

    @GET
    @Path("/verifications/latest")
    Map<String, Object> latestVerification();

    @GET
    @Path("/reviews")
    List<Map<String, Object>> reviewQueue(@QueryParam("claimed") Boolean claimed, @QueryParam("limit") int limit);

    @GET
    @Path("/reviews/{id}")
    Map<String, Object> review(@PathParam("id") String id);

    @POST
    @Path("/reviews/{id}/claim")
    Map<String, Object> claimReview(@PathParam("id") String id);

    @POST
    @Path("/reviews/{id}/decision")
    Map<String, Object> decideReview(@PathParam("id") String id, Map<String, Object> decision);

    @GET
    @Path("/clusters/{id}")
    Map<String, Object> cluster(@PathParam("id") String id);

    @POST
    @Path("/organizations")
    Map<String, Object> registerOrganization(Map<String, Object> organization);

    @GET
    @Path("/organizations/{id}")
    Map<String, Object> organization(@PathParam("id") String id);

    @POST
    @Path("/organizations/{id}/members")
    Map<String, Object> addMember(@PathParam("id") String id, Map<String, Object> member);

    @DELETE
    @Path("/organizations/{id}/members/{subject}")
    void removeMember(@PathParam("id") String id, @PathParam("subject") String subject);
}
