package io.tiergate.identity.review;

import io.tiergate.commons.limit.CallerLimited;
import io.tiergate.commons.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/reviews")
@Tag(name = "reviews", description = "The compliance officers' review queue of verification cases")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class ReviewResource {

    static final String COMPLIANCE_OFFICER = "compliance-officer";
    static final String AUDITOR = "auditor";

    @Inject
    ReviewService reviews;

    @Inject
    JsonWebToken token;

    @GET
    @RolesAllowed({COMPLIANCE_OFFICER, AUDITOR})
    @Operation(
            operationId = "listReviewCases",
            summary = "Cases in review, oldest first, with their evidence (officers, auditors); ?claimed=true|false "
                    + "filters. A caller never sees a case about themselves")
    @CallerLimited(value = "review-queue", perMinute = 120)
    @Extension(name = CallerLimited.OPENAPI_EXTENSION, value = "review-queue")
    public List<ReviewView> queue(
            @QueryParam("claimed") Boolean claimed,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return reviews.queue(claimed, limit, token.getSubject());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({COMPLIANCE_OFFICER, AUDITOR})
    @Operation(
            operationId = "getReviewCase",
            summary = "A case's evidence: claims, screening hits explained, history (officers, auditors)")
    public ReviewView get(@PathParam("id") UUID id) {
        return reviews.get(id);
    }

    @POST
    @Path("/{id}/claim")
    @RolesAllowed(COMPLIANCE_OFFICER)
    @Operation(
            operationId = "claimReviewCase",
            summary = "Claim a case in review (compliance officer; not a case about oneself)")
    public ReviewView claim(@PathParam("id") UUID id) {
        return reviews.claim(token.getSubject(), id);
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(COMPLIANCE_OFFICER)
    @Operation(
            operationId = "decideReviewCase",
            summary = "Decide a claimed case: {outcome: VERIFIED|REJECTED, reason} (compliance officer)")
    public ReviewView decide(@PathParam("id") UUID id, @Valid @NotNull ReviewDecision decision) {
        return reviews.decide(token.getSubject(), id, decision);
    }
}
