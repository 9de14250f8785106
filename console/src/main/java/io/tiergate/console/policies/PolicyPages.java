package io.tiergate.console.policies;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Policy versions: the list, one version beside the one in force (its diff), validation problems by field,
 * what-if for a subject, publish and roll back (four eyes: the requests wait on the list for a second officer).
 * A draft is pasted as the JSON document the API takes.
 */
@Path("/policies")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Viewer.OFFICER, Viewer.ADMIN, Viewer.AUDITOR})
public class PolicyPages {

    @RestClient
    EntitlementApi entitlements;

    @Inject
    ObjectMapper json;

    @Inject
    Template policies;

    @Inject
    Template policy;

    @GET
    public TemplateInstance list() {
        return listPage(null, "");
    }

    @POST
    @RolesAllowed({Viewer.OFFICER, Viewer.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @SuppressWarnings("unchecked")
    public Response draft(MultivaluedMap<String, String> form) {
        String document = Forms.text(form, "document");
        Map<String, Object> parsed;
        try {
            parsed = document == null ? null : json.readValue(document, Map.class);
        } catch (JsonProcessingException e) {
            parsed = null;
        }
        if (parsed == null) {
            ServiceProblem notJson = new ServiceProblem(
                    400,
                    "MALFORMED_REQUEST",
                    "Not a JSON document",
                    "paste the policy document as a JSON object",
                    List.of(new ServiceProblem.FieldError("document", "not a JSON object")));
            return Response.status(400)
                    .type(MediaType.TEXT_HTML_TYPE)
                    .entity(listPage(notJson, document == null ? "" : document).render())
                    .build();
        }
        Map<String, Object> draft = parsed;
        return Outcome.of(
                () -> "/policies/" + entitlements.storeDraft(draft).get("version"),
                problem -> listPage(problem, document));
    }

    @GET
    @Path("/{version}")
    public TemplateInstance show(@PathParam("version") String version) {
        return page(version, null, null, Map.of());
    }

    @POST
    @Path("/{version}/publication")
    @RolesAllowed({Viewer.OFFICER, Viewer.ADMIN})
    public Response publish(@PathParam("version") String version) {
        // four eyes: the request waits on the list page for a second officer
        return Outcome.of(
                () -> entitlements.publish(version), "/policies", problem -> page(version, problem, null, Map.of()));
    }

    @POST
    @Path("/rollback")
    @RolesAllowed({Viewer.OFFICER, Viewer.ADMIN})
    public Response rollback() {
        return Outcome.of(() -> entitlements.rollback(), "/policies", problem -> listPage(problem, ""));
    }

    @POST
    @Path("/requests/{id}/confirmation")
    @RolesAllowed({Viewer.OFFICER, Viewer.ADMIN})
    public Response confirm(@PathParam("id") String id) {
        return Outcome.of(() -> entitlements.confirmPublication(id), "/policies", problem -> listPage(problem, ""));
    }

    @POST
    @Path("/{version}/what-if")
    @RolesAllowed({Viewer.OFFICER, Viewer.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response whatIf(@PathParam("version") String version, MultivaluedMap<String, String> form) {
        Map<String, Object> request = Forms.object(
                "subject",
                Forms.text(form, "subject"),
                "capability",
                Forms.text(form, "capability"),
                "context",
                Forms.object("jurisdiction", Forms.text(form, "jurisdiction")));
        try {
            Map<String, Object> decision = entitlements.whatIf(version, request);
            return Response.ok(page(version, null, decision, Forms.echo(form)).render(), MediaType.TEXT_HTML_TYPE)
                    .build();
        } catch (ServiceProblem problem) {
            if (problem.status() >= 500) {
                throw problem;
            }
            return Response.status(problem.status())
                    .type(MediaType.TEXT_HTML_TYPE)
                    .entity(page(version, problem, null, Forms.echo(form)).render())
                    .build();
        }
    }

    private TemplateInstance listPage(ServiceProblem problem, String document) {
        return policies.data("versions", entitlements.policies())
                .data("requests", entitlements.publicationRequests())
                .data("problem", problem)
                .data("document", document);
    }

    private TemplateInstance page(
            String version, ServiceProblem problem, Map<String, Object> decision, Map<String, String> values) {
        Map<String, Object> detail = entitlements.policy(version);
        Map<String, Object> diff = Boolean.TRUE.equals(detail.get("inForce")) ? null : diffOrNull(version);
        String pretty;
        try {
            pretty = json.writerWithDefaultPrettyPrinter().writeValueAsString(detail.get("document"));
        } catch (JsonProcessingException e) {
            pretty = String.valueOf(detail.get("document"));
        }
        return policy.data("p", detail)
                .data("diff", diff)
                .data("document", pretty)
                .data("problem", problem)
                .data("decision", decision)
                .data("values", values);
    }

    /** The diff against the version in force; none when nothing is in force yet. */
    private Map<String, Object> diffOrNull(String version) {
        try {
            return entitlements.diff(version, null);
        } catch (ServiceProblem problem) {
            if (problem.status() >= 500) {
                throw problem;
            }
            return null;
        }
    }
}
