package io.tiergate.console.review;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.tiergate.console.services.Forms;
import io.tiergate.console.services.IdentityApi;
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
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The review queue, oldest first with its age, and one case on one screen: the applicant's claims beside each
 * screening hit's list entry, and the duplicate-identity cluster with what linked each member.
 */
@Path("/reviews")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Viewer.OFFICER, Viewer.AUDITOR})
public class ReviewPages {

    @Inject
    Viewer viewer;

    @RestClient
    IdentityApi identity;

    @Inject
    Template reviewQueue;

    @Inject
    Template reviewCase;

    Clock clock = Clock.systemUTC();

    @GET
    public TemplateInstance queue() {
        return reviewQueue.data("cases", visible(identity.reviewQueue(null, 200)));
    }

    /** The queue's table alone, which the page refreshes with htmx. */
    @GET
    @Path("/rows")
    public TemplateInstance rows() {
        return reviewQueue.getFragment("rows").data("cases", visible(identity.reviewQueue(null, 200)));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance show(@PathParam("id") String id) {
        return page(id, null);
    }

    @POST
    @Path("/{id}/claim")
    @RolesAllowed(Viewer.OFFICER)
    public Response claim(@PathParam("id") String id) {
        return Outcome.of(() -> identity.claimReview(id), "/reviews/" + id, problem -> page(id, problem));
    }

    @POST
    @Path("/{id}/decision")
    @RolesAllowed(Viewer.OFFICER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return Outcome.of(
                () -> identity.decideReview(
                        id, Forms.object("outcome", Forms.text(form, "outcome"), "reason", Forms.text(form, "reason"))),
                "/reviews/" + id,
                problem -> page(id, problem));
    }

    private TemplateInstance page(String id, ServiceProblem problem) {
        Map<String, Object> found = identity.review(id);
        Map<String, Object> cluster = found.get("clusterId") == null
                ? null
                : identity.cluster(found.get("clusterId").toString());
        return reviewCase
                .data("c", found)
                .data("cluster", cluster)
                .data("problem", problem)
                .data(
                        "mine",
                        viewer.name().equals(found.get("claimedBy"))
                                || viewer.subject().equals(found.get("claimedBy")));
    }

    /** An officer never sees a case they are a party to; each row carries its age in the queue. */
    List<Map<String, Object>> visible(List<Map<String, Object>> cases) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return cases.stream()
                .filter(c -> !viewer.subject().equals(c.get("subject")))
                .map(c -> {
                    Map<String, Object> row = new java.util.LinkedHashMap<>(c);
                    if (c.get("submittedAt") instanceof String at) {
                        row.put("age", Ages.of(Duration.between(OffsetDateTime.parse(at), now)));
                    }
                    return row;
                })
                .toList();
    }
}
