package io.tiergate.console.campaigns;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.tiergate.console.services.CampaignApi;
import io.tiergate.console.services.Forms;
import io.tiergate.console.services.ServiceProblem;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Campaigns from campaign-service, highest score first: members, evidence; confirm or dismiss with a reason. */
@Path("/campaigns")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Viewer.OFFICER, Viewer.AUDITOR})
public class CampaignPages {

    static final Set<String> DECISIONS = Set.of("confirmation", "dismissal");

    @RestClient
    CampaignApi campaigns;

    @Inject
    Template campaignList;

    @Inject
    Template campaign;

    @GET
    public TemplateInstance list() {
        return campaignList.data("campaigns", campaigns.campaigns(null, 100));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance show(@PathParam("id") String id) {
        return page(id, null);
    }

    @POST
    @Path("/{id}/{decision}")
    @RolesAllowed(Viewer.OFFICER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(
            @PathParam("id") String id, @PathParam("decision") String decision, MultivaluedMap<String, String> form) {
        if (!DECISIONS.contains(decision)) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return Outcome.of(
                () -> campaigns.decide(id, decision, Forms.object("reason", Forms.text(form, "reason"))),
                "/campaigns/" + id,
                problem -> page(id, problem));
    }

    private TemplateInstance page(String id, ServiceProblem problem) {
        return campaign.data("c", campaigns.campaign(id)).data("problem", problem);
    }
}
