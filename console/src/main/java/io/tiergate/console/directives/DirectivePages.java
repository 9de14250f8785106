package io.tiergate.console.directives;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.tiergate.console.services.EntitlementApi;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Emergency directives: issue, confirm (a second officer), revoke; break-glass ones are marked for review. */
@Path("/directives")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Viewer.OFFICER, Viewer.ADMIN, Viewer.AUDITOR})
public class DirectivePages {

    static final List<String> FIELDS = List.of(
            "capability",
            "allowedNationalities",
            "deniedJurisdictions",
            "denyAll",
            "reason",
            "expiresAt",
            "breakGlass");
    static final Set<String> CHANGES = Set.of("confirmation", "revocation");

    @RestClient
    EntitlementApi entitlements;

    @Inject
    Template directives;

    @GET
    public TemplateInstance list() {
        return page(Map.of(), null);
    }

    @POST
    @RolesAllowed({Viewer.OFFICER, Viewer.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response issue(MultivaluedMap<String, String> form) {
        Map<String, Object> directive = Forms.object(
                "capability", Forms.text(form, "capability"),
                "allowedNationalities", Forms.codes(form, "allowedNationalities"),
                "deniedJurisdictions", Forms.codes(form, "deniedJurisdictions"),
                "denyAll", form.containsKey("denyAll") ? Boolean.TRUE : null,
                "reason", Forms.text(form, "reason"),
                "expiresAt", Forms.text(form, "expiresAt"),
                "breakGlass", form.containsKey("breakGlass") ? Boolean.TRUE : null);
        return Outcome.of(
                () -> entitlements.issueDirective(directive),
                "/directives",
                problem -> page(Forms.echo(form), problem));
    }

    @POST
    @Path("/{id}/{change}")
    @RolesAllowed({Viewer.OFFICER, Viewer.ADMIN})
    public Response change(@PathParam("id") String id, @PathParam("change") String change) {
        if (!CHANGES.contains(change)) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        // confirmation and revocation take no body: who acts is the token's subject
        return Outcome.of(
                () -> entitlements.changeDirective(id, change, Map.of()),
                "/directives",
                problem -> page(Map.of(), problem));
    }

    private TemplateInstance page(Map<String, String> values, ServiceProblem problem) {
        return directives
                .data("directives", entitlements.directives())
                .data("values", values)
                .data("problem", problem)
                .data("fields", FIELDS);
    }
}
