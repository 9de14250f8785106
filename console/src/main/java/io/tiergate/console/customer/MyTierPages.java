package io.tiergate.console.customer;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.tiergate.console.services.EntitlementApi;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** A customer's tiers and where each comes from; tier requests and renewals with their approvals; usage. */
@Path("/me")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Viewer.CUSTOMER)
public class MyTierPages {

    static final List<String> TIERS = List.of("ENTERPRISE", "RESEARCH", "GOVERNMENT");
    static final List<String> FIELDS = List.of("tier", "organizationId", "justification", "intendedUse", "expiresAt");

    @Inject
    Viewer viewer;

    @RestClient
    TierApi tiers;

    @RestClient
    EntitlementApi entitlements;

    @Inject
    Template myTiers;

    @Inject
    Template myUsage;

    @Inject
    Template myTierRequest;

    @GET
    @Path("/tiers")
    public TemplateInstance tiers() {
        return page(Map.of(), null).data("effective", tiers.effectiveTiers(viewer.subject()));
    }

    /** My usage against budgets: each capability as it stands for me now; looking charges nothing. */
    @GET
    @Path("/usage")
    public TemplateInstance usage() {
        return myUsage.data("usage", entitlements.usage(viewer.subject()));
    }

    @POST
    @Path("/tier-requests")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response file(MultivaluedMap<String, String> form) {
        String organization = Forms.text(form, "organizationId");
        Map<String, Object> request = Forms.object(
                "subject", organization == null ? viewer.subject() : null,
                "organizationId", organization,
                "tier", Forms.text(form, "tier"),
                "justification", Forms.text(form, "justification"),
                "intendedUse", Forms.text(form, "intendedUse"),
                "expiresAt", Forms.text(form, "expiresAt"));
        return Outcome.of(
                () -> "/me/tier-requests/" + tiers.fileRequest(request).get("id"),
                problem -> page(Forms.echo(form), problem).data("effective", tiers.effectiveTiers(viewer.subject())));
    }

    @GET
    @Path("/tier-requests/{id}")
    public TemplateInstance request(@PathParam("id") String id) {
        return myTierRequest.data("r", tiers.request(id));
    }

    @POST
    @Path("/grants/{id}/renewal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response renew(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        Map<String, Object> renewal = Forms.object(
                "justification", Forms.text(form, "justification"), "expiresAt", Forms.text(form, "expiresAt"));
        return Outcome.of(
                () -> "/me/tier-requests/"
                        + tiers.changeGrant(id, "renewal", renewal).get("id"),
                problem -> page(Map.of(), null)
                        .data("renewalProblem", problem)
                        .data("effective", tiers.effectiveTiers(viewer.subject())));
    }

    private TemplateInstance page(Map<String, String> values, ServiceProblem problem) {
        return myTiers.data("values", values)
                .data("problem", problem)
                .data("tiers", TIERS)
                .data("fields", FIELDS);
    }
}
