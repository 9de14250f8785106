package io.tiergate.entitlement.decision;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.tiergate.commons.problem.ApiProblem;
import io.tiergate.commons.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/decisions")
@Tag(name = "decisions", description = "Per-request access decisions for API gateways")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class DecisionResource {

    static final String GATEWAY = "gateway";
    static final String CUSTOMER = "customer";

    @Inject
    DecisionService decisions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({GATEWAY, CUSTOMER})
    @Operation(
            operationId = "decide",
            summary = "Decide whether a subject may use a capability now: a gateway for any subject, or a customer "
                    + "with their own token for themselves. A DENY is a normal answer (200), not an error.",
            description = "Ownership: a customer's token decides for its own sub only; naming another subject is 403 "
                    + "OTHER_SUBJECT_FORBIDDEN.")
    public Uni<Decision> decide(@RequestBody(required = true) DecisionRequest request) {
        // validated by hand, not by Bean Validation's interceptor: the same problem, without its cost per decision
        DecisionRequestCheck.require(request);
        requireOwnSubject(request);
        if (request.consistencyToken() == null) {
            // no I/O and no wait: decided on the event loop, without a hand-off to a worker thread
            return Uni.createFrom().item(decisions.decide(request));
        }
        // waiting for a consistency token blocks, so it never happens on the event loop
        return Uni.createFrom()
                .item(() -> decisions.decide(request))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @Inject
    io.quarkus.security.identity.SecurityIdentity caller;

    @Inject
    org.eclipse.microprofile.jwt.JsonWebToken token;

    /** A user's own token decides for that user only; only gateways name other subjects. */
    private void requireOwnSubject(DecisionRequest request) {
        if (!caller.hasRole(GATEWAY) && !request.subject().equals(token.getSubject())) {
            throw ApiProblem.forbidden("OTHER_SUBJECT_FORBIDDEN", "a user's token decides for that user only");
        }
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(GATEWAY)
    @Operation(
            operationId = "decideBatch",
            summary = "Decide several requests at once (gateway); served as POST /v1/decisions:batch. "
                    + "At most 1000 items; larger batches are refused (413 BATCH_TOO_LARGE).")
    public BatchResponse decideAll(@NotNull BatchRequest batch) {
        if (batch.requests() != null && batch.requests().size() > BatchRequest.MAX_ITEMS) {
            throw new ApiProblem(
                    413,
                    "BATCH_TOO_LARGE",
                    "Content too large",
                    "a batch holds at most " + BatchRequest.MAX_ITEMS + " requests, got "
                            + batch.requests().size());
        }
        validate(batch);
        return new BatchResponse(
                batch.requests().stream().map(decisions::decide).toList());
    }

    @Inject
    jakarta.validation.Validator validator;

    /** Validated here, after the size check, so that a huge batch is refused without validating each item. */
    private void validate(BatchRequest batch) {
        var violations = validator.validate(batch);
        if (!violations.isEmpty()) {
            throw new jakarta.validation.ConstraintViolationException(violations);
        }
    }
}
