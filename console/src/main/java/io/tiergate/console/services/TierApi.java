package io.tiergate.console.services;

import jakarta.ws.rs.Consumes;
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

/** tier-service: tier requests with their approvals, grants and their history, effective tiers. */
@RegisterRestClient(configKey = "tier")
@RegisterProvider(UserToken.class)
@RegisterProvider(ProblemMapper.class)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface TierApi {

    @POST
    @Path("/tier-requests")
    Map<String, Object> fileRequest(Map<String, Object> request);

    @GET
    @Path("/tier-requests")
    List<Map<String, Object>> requestQueue(@QueryParam("status") String status, @QueryParam("limit") int limit);

    @GET
    @Path("/tier-requests/{id}")
    Map<String, Object> request(@PathParam("id") String id);

    @POST
    @Path("/tier-requests/{id}/approvals")
    Map<String, Object> approve(@PathParam("id") String id, Map<String, Object> approval);

    @POST
    @Path("/tier-requests/{id}/denial")
    Map<String, Object> deny(@PathParam("id") String id, Map<String, Object> denial);

    @GET
    @Path("/grants")
    List<Map<String, Object>> grantsOf(@QueryParam("subject") String subject);

    @GET
    @Path("/grants/{id}")
    Map<String, Object> grant(@PathParam("id") String id);

    @GET
    @Path("/grants/{id}/history")
    List<Map<String, Object>> grantHistory(@PathParam("id") String id);

    /** {@code action} is one of revocation, suspension, reinstatement, renewal. */
    @POST
    @Path("/grants/{id}/{action}")
    Map<String, Object> changeGrant(
            @PathParam("id") String id, @PathParam("action") String action, Map<String, Object> change);

    @GET
    @Path("/subjects/{subject}/tier")
    Map<String, Object> effectiveTiers(@PathParam("subject") String subject);
}
