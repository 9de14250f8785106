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

/** campaign-service: detected campaigns, their members and evidence, an officer's confirmation or dismissal. */
@RegisterRestClient(configKey = "campaign")
@RegisterProvider(UserToken.class)
@RegisterProvider(ProblemMapper.class)
@Path("/v1/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface CampaignApi {

    @GET
    List<Map<String, Object>> campaigns(@QueryParam("status") String status, @QueryParam("limit") int limit);

    @GET
    @Path("/{id}")
    Map<String, Object> campaign(@PathParam("id") String id);

    /** {@code action} is confirmation or dismissal. */
    @POST
    @Path("/{id}/{action}")
    Map<String, Object> decide(
            @PathParam("id") String id, @PathParam("action") String action, Map<String, Object> body);
}
