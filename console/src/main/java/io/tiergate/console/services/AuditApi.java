package io.tiergate.console.services;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** audit-service: the trail, its entries, signed checkpoints and proofs (docs/audit.md). */
@RegisterRestClient(configKey = "audit")
@RegisterProvider(UserToken.class)
@RegisterProvider(ProblemMapper.class)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface AuditApi {

    /** A page of entries; a full page carries the next cursor in {@code Tiergate-Next-Cursor}. */
    @GET
    @Path("/events")
    Response events(
            @QueryParam("subject") String subject,
            @QueryParam("type") String type,
            @QueryParam("actor") String actor,
            @QueryParam("capability") String capability,
            @QueryParam("since") String since,
            @QueryParam("until") String until,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);

    @GET
    @Path("/entries/{index}")
    Map<String, Object> entry(@PathParam("index") long index);

    @GET
    @Path("/checkpoints/latest")
    Map<String, Object> latestCheckpoint();

    @GET
    @Path("/proofs/inclusion")
    Map<String, Object> inclusionProof(@QueryParam("index") long index, @QueryParam("treeSize") long treeSize);

    @GET
    @Path("/log-key")
    Map<String, Object> logKey();
}
