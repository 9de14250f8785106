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
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** A holder's grants; one grant with its history; suspend, revoke or reinstate it with a reason. */
@Path("/grants")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Viewer.OFFICER, Viewer.AUDITOR})
public class GrantPages {

    static final Set<String> CHANGES = Set.of("suspension", "revocation", "reinstatement");

    @RestClient
    TierApi tiers;

    @Inject
    Template grants;

    @Inject
    Template grant;

    @GET
    public TemplateInstance search(@QueryParam("subject") String subject) {
        boolean asked = subject != null && !subject.isBlank();
        return grants.data("subject", asked ? subject.strip() : "")
                .data("grants", asked ? tiers.grantsOf(subject.strip()) : List.of());
    }

    @GET
    @Path("/{id}")
    public TemplateInstance show(@PathParam("id") String id) {
        return page(id, null);
    }

    @POST
    @Path("/{id}/{change}")
    @RolesAllowed(Viewer.OFFICER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(
            @PathParam("id") String id, @PathParam("change") String change, MultivaluedMap<String, String> form) {
        if (!CHANGES.contains(change)) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return Outcome.of(
                () -> tiers.changeGrant(id, change, Forms.object("reason", Forms.text(form, "reason"))),
                "/grants/" + id,
                problem -> page(id, problem));
    }

    private TemplateInstance page(String id, ServiceProblem problem) {
        return grant.data("g", tiers.grant(id))
                .data("history", tiers.grantHistory(id))
                .data("problem", problem);
    }
}
