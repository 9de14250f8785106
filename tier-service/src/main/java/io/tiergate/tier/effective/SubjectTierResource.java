package io.tiergate.tier.effective;

import static io.tiergate.tier.grant.GrantResource.AUDITOR;
import static io.tiergate.tier.grant.GrantResource.COMPLIANCE_OFFICER;
import static io.tiergate.tier.grant.GrantResource.CUSTOMER;

import io.quarkus.security.identity.SecurityIdentity;
import io.tiergate.commons.problem.ApiProblem;
import io.tiergate.commons.problem.Problem;
import io.tiergate.tier.grant.TierEvents.EffectiveGrant;
import io.tiergate.tier.grant.TierGrant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/subjects")
@Tag(name = "subjects", description = "A person's effective tier and why")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class SubjectTierResource {

    /** One effective tier and the grant it comes from: held directly, or inherited from an organization. */
    public record Because(
            String tier,
            UUID grantId,
            String via,
            UUID organizationId,
            OffsetDateTime expiresAt,
            String grantedBy,
            UUID requestId) {}

    public record SubjectTier(String subject, List<Because> tiers) {}

    @Inject
    EffectiveTiers effective;

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/{subject}/tier")
    @RolesAllowed({COMPLIANCE_OFFICER, AUDITOR, CUSTOMER})
    @Operation(
            operationId = "getSubjectTier",
            summary = "A person's effective tiers and, for each, the grant behind it (officers, auditors, the person)",
            description = "Ownership: a customer asks about their own subject only; another's is 403 NOT_YOUR_SUBJECT.")
    public SubjectTier tier(@PathParam("subject") @Size(max = 100) String subject) {
        if (!identity.hasRole(COMPLIANCE_OFFICER)
                && !identity.hasRole(AUDITOR)
                && !subject.equals(token.getSubject())) {
            throw ApiProblem.forbidden("NOT_YOUR_SUBJECT", "customers can ask about their own tier only");
        }
        List<Because> tiers =
                effective.of(subject).stream().map(SubjectTierResource::because).toList();
        return new SubjectTier(subject, tiers);
    }

    private static Because because(EffectiveGrant grant) {
        TierGrant source = TierGrant.findById(grant.grantId());
        return new Because(
                grant.tier().name(),
                grant.grantId(),
                grant.via(),
                grant.organizationId(),
                grant.expiresAt(),
                source.grantedBy,
                source.requestId);
    }
}
