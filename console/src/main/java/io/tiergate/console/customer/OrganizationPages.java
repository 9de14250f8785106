package io.tiergate.console.customer;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.tiergate.console.services.Forms;
import io.tiergate.console.services.IdentityApi;
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
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** KYB: register an organization with its beneficial owners and representatives, then manage its members. */
@Path("/organizations")
@Produces(MediaType.TEXT_HTML)
public class OrganizationPages {

    static final List<String> FIELDS = List.of(
            "legalName", "registrationNumber", "countryOfIncorporation", "kind", "beneficialOwners", "representatives");

    @RestClient
    IdentityApi identity;

    @Inject
    Template organizationNew;

    @Inject
    Template organization;

    @GET
    @Path("/new")
    @RolesAllowed(Viewer.CUSTOMER)
    public TemplateInstance form() {
        return organizationNew.data("values", Map.of()).data("problem", null).data("fields", FIELDS);
    }

    @POST
    @RolesAllowed(Viewer.CUSTOMER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(MultivaluedMap<String, String> form) {
        Map<String, Object> body = Forms.object(
                "legalName", Forms.text(form, "legalName"),
                "registrationNumber", Forms.text(form, "registrationNumber"),
                "countryOfIncorporation", upper(Forms.text(form, "countryOfIncorporation")),
                "kind", Forms.text(form, "kind"),
                "beneficialOwners", parties(form, "beneficialOwners"),
                "representatives", parties(form, "representatives"));
        // the service requires both lists, empty or not
        body.putIfAbsent("beneficialOwners", List.of());
        body.putIfAbsent("representatives", List.of());
        return Outcome.of(
                () -> "/organizations/" + identity.registerOrganization(body).get("id"),
                problem -> organizationNew
                        .data("values", Forms.echo(form))
                        .data("problem", problem)
                        .data("fields", FIELDS));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Viewer.CUSTOMER, Viewer.OFFICER, Viewer.AUDITOR})
    public TemplateInstance show(@PathParam("id") String id) {
        return organization.data("org", identity.organization(id)).data("problem", null);
    }

    @POST
    @Path("/{id}/members")
    @RolesAllowed({Viewer.CUSTOMER, Viewer.OFFICER})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addMember(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        Map<String, Object> member =
                Forms.object("subject", Forms.text(form, "subject"), "role", Forms.text(form, "role"));
        return Outcome.of(
                () -> identity.addMember(id, member),
                "/organizations/" + id,
                problem -> organization.data("org", identity.organization(id)).data("problem", problem));
    }

    @POST
    @Path("/{id}/members/{subject}/removal")
    @RolesAllowed({Viewer.CUSTOMER, Viewer.OFFICER})
    public Response removeMember(@PathParam("id") String id, @PathParam("subject") String subject) {
        identity.removeMember(id, subject);
        return Response.seeOther(URI.create("/organizations/" + id)).build();
    }

    /** One person per line, comma-separated: "name, nationality" (and ", percent" for a beneficial owner). */
    static List<Map<String, Object>> parties(MultivaluedMap<String, String> form, String name) {
        boolean owners = name.equals("beneficialOwners");
        List<Map<String, Object>> parties = new ArrayList<>();
        for (String line : Forms.lines(form, name)) {
            String[] parts = line.split("\\s*,\\s*");
            parties.add(Forms.object(
                    "name",
                    parts[0].strip(),
                    "nationality",
                    parts.length > 1 ? upper(parts[1]) : null,
                    "ownershipPercent",
                    owners && parts.length > 2 ? parts[2] : null));
        }
        return parties;
    }

    private static String upper(String code) {
        return code == null ? null : code.toUpperCase(java.util.Locale.ROOT);
    }
}
