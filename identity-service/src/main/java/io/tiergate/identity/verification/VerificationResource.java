package io.tiergate.identity.verification;

import io.quarkus.security.identity.SecurityIdentity;
import io.tiergate.commons.problem.ApiProblem;
import io.tiergate.commons.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/verifications")
@Tag(name = "verifications", description = "KYC verification cases of applicants")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class VerificationResource {

    static final String CUSTOMER = "customer";
    static final String COMPLIANCE_OFFICER = "compliance-officer";
    static final String AUDITOR = "auditor";

    @Inject
    VerificationService verifications;

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(CUSTOMER)
    @Operation(
            operationId = "submitVerification",
            summary = "Submit identity claims for verification (customer; the subject is the caller's token sub)")
    public Response submit(@Valid @NotNull VerificationRequest request) {
        VerificationView view = verifications.submit(token.getSubject(), request);
        return Response.status(Response.Status.CREATED).entity(view).build();
    }

    @GET
    @Path("/latest")
    @RolesAllowed(CUSTOMER)
    @Operation(
            operationId = "getLatestVerification",
            summary = "The caller's own latest case (customer): where the console finds a customer's status")
    public VerificationView latest() {
        return VerificationCase.latestOf(token.getSubject())
                .map(c -> VerificationView.of(c, null))
                .orElseThrow(() -> ApiProblem.notFound("VERIFICATION_NOT_FOUND", "no verification case yet"));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({CUSTOMER, COMPLIANCE_OFFICER, AUDITOR})
    @Operation(
            operationId = "getVerification",
            summary = "Read a case's status (its own applicant, compliance officers and auditors)",
            description = "Ownership: a customer reads their own cases only; another's case is 404 "
                    + "VERIFICATION_NOT_FOUND, as if it did not exist.")
    public VerificationView get(@PathParam("id") UUID id) {
        VerificationCase verification = verifications
                .find(id)
                .filter(this::mayRead)
                .orElseThrow(() -> ApiProblem.notFound("VERIFICATION_NOT_FOUND", "no verification case " + id));
        return VerificationView.of(verification, null);
    }

    /** Customers see only their own cases; a stranger's case is reported as absent, not forbidden. */
    private boolean mayRead(VerificationCase verification) {
        return caller.hasRole(COMPLIANCE_OFFICER)
                || caller.hasRole(AUDITOR)
                || verification.subject.equals(token.getSubject());
    }
}
