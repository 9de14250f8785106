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

/** entitlement-service: directives, policy versions, and a customer's own decisions (with their budgets). */
@RegisterRestClient(configKey = "entitlement")
@RegisterProvider(UserToken.class)
@RegisterProvider(ProblemMapper.class)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface EntitlementApi {

    @GET
    @Path("/directives")
    List<Map<String, Object>> directives();

    @POST
    @Path("/directives")
    Map<String, Object> issueDirective(Map<String, Object> directive);

    /** {@code action} is confirmation or revocation. */
    @POST
    @Path("/directives/{id}/{action}")
    Map<String, Object> changeDirective(
            @PathParam("id") String id, @PathParam("action") String action, Map<String, Object> body);

    @GET
    @Path("/policies")
    List<Map<String, Object>> policies();

    @GET
    @Path("/policies/{version}")
    Map<String, Object> policy(@PathParam("version") String version);

    @GET
    @Path("/policies/{version}/validation")
    Map<String, Object> validation(@PathParam("version") String version);

    @GET
    @Path("/policies/{version}/diff")
    Map<String, Object> diff(@PathParam("version") String version, @QueryParam("against") String against);

    @POST
    @Path("/policies")
    Map<String, Object> storeDraft(Map<String, Object> policy);

    @POST
    @Path("/policies/{version}/publication")
    Map<String, Object> publish(@PathParam("version") String version);

    @POST
    @Path("/policies/rollback")
    Map<String, Object> rollback();

    @GET
    @Path("/policies/publication-requests")
    List<Map<String, Object>> publicationRequests();

    @POST
    @Path("/policies/publication-requests/{id}/confirmation")
    Map<String, Object> confirmPublication(@PathParam("id") String id);

    @POST
    @Path("/policies/{version}/what-if")
    Map<String, Object> whatIf(@PathParam("version") String version, Map<String, Object> decisionRequest);

    /** Read-only: what each capability answers for the subject now, with what is left of its budgets. */
    @GET
    @Path("/subjects/{subject}/usage")
    Map<String, Object> usage(@PathParam("subject") String subject);
}
