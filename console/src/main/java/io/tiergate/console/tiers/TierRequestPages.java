package io.tiergate.console.tiers;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.tiergate.console.services.Forms;
import io.tiergate.console.services.ServiceProblem;
import io.tiergate.console.services.TierApi;
import io.tiergate.console.web.Outcome;
import io.tiergate.console.web.Viewer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Tier requests with their four-eyes state: who approved, how many approvals remain; approve or deny. */
@Path("/tier-requests")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Viewer.OFFICER, Viewer.AUDITOR})
public class TierRequestPages {

    static final List<String> STATUSES = List.of("PENDING", "GRANTED", "DENIED");

    @RestClient
    TierApi tiers;

    @Inject
    Viewer viewer;

    @Inject
    Template tierRequestQueue;

    @Inject
    Template tierRequest;

    @GET
    public TemplateInstance queue(@QueryParam("status") @DefaultValue("PENDING") String status) {
        String shown = STATUSES.contains(status) ? status : "PENDING";
        return tierRequestQueue
                .data("requests", tiers.requestQueue(shown, 200))
                .data("status", shown)
                .data("statuses", STATUSES);
    }

    @GET
    @Path("/{id}")
    public TemplateInstance show(@PathParam("id") String id) {
        return page(id, null);
    }

    @POST
    @Path("/{id}/approval")
    @RolesAllowed(Viewer.OFFICER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return Outcome.of(
                () -> tiers.approve(id, Forms.object("comment", Forms.text(form, "comment"))),
                "/tier-requests/" + id,
                problem -> page(id, problem));
    }

    @POST
    @Path("/{id}/denial")
    @RolesAllowed(Viewer.OFFICER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deny(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return Outcome.of(
                () -> tiers.deny(id, Forms.object("reason", Forms.text(form, "reason"))),
                "/tier-requests/" + id,
                problem -> page(id, problem));
    }

    private TemplateInstance page(String id, ServiceProblem problem) {
        Map<String, Object> request = tiers.request(id);
        Object approvals = request.get("approvals");
        int given = approvals instanceof List<?> list ? list.size() : 0;
        int required = request.get("requiredApprovals") instanceof Number n ? n.intValue() : 0;
        boolean approvedByMe = approvals instanceof List<?> list
                && list.stream()
                        .anyMatch(a ->
                                a instanceof Map<?, ?> m && viewer.subject().equals(m.get("officer")));
        return tierRequest
                .data("r", request)
                .data("problem", problem)
                .data("remaining", Math.max(0, required - given))
                .data("approvedByMe", approvedByMe);
    }
}
