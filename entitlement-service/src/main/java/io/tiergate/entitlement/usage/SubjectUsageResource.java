package io.tiergate.entitlement.usage;

import io.quarkus.security.identity.SecurityIdentity;
import io.tiergate.commons.problem.ApiProblem;
import io.tiergate.commons.problem.Problem;
import io.tiergate.entitlement.decision.Decision;
import io.tiergate.entitlement.decision.DecisionRequest;
import io.tiergate.entitlement.decision.DecisionService;
import io.tiergate.entitlement.decision.Reason;
import io.tiergate.entitlement.policy.CapabilityPolicy;
import io.tiergate.entitlement.policy.PolicyStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A subject's standing against the policy in force: what each capability would answer now and what is left of
 * each budget. Read-only: nothing is charged and no decision is logged, so a customer may look as often as they like.
 */
@Path("/v1/subjects/{subject}/usage")
@Tag(name = "usage", description = "Gateways report what allowed requests used, against usage budgets")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class SubjectUsageResource {

    static final String CUSTOMER = "customer";
    static final String OFFICER = "compliance-officer";
    static final String AUDITOR = "auditor";

    public record CapabilityUsage(
            String capability, Decision.Verdict decision, List<String> reasons, List<BudgetStatus> budgets) {}

    public record SubjectUsage(String subject, String policyVersion, List<CapabilityUsage> capabilities) {}

    @Inject
    DecisionService decisions;

    @Inject
    PolicyStore policies;

    @Inject
    SecurityIdentity caller;

    @Inject
    JsonWebToken token;

    @GET
    @RolesAllowed({CUSTOMER, OFFICER, AUDITOR})
    @Operation(
            operationId = "getSubjectUsage",
            summary = "Each capability of the policy in force as it stands for the subject now, with what is left "
                    + "of its budgets; charges nothing and logs no decision (the subject themselves; compliance officers, "
                    + "auditors)",
            description =
                    "Ownership: a customer sees their own subject only; another's is 403 " + "OTHER_SUBJECT_FORBIDDEN.")
    public SubjectUsage usage(@PathParam("subject") @Size(max = 100) String subject) {
        if (!caller.hasRole(OFFICER) && !caller.hasRole(AUDITOR) && !subject.equals(token.getSubject())) {
            throw ApiProblem.forbidden("OTHER_SUBJECT_FORBIDDEN", "a customer sees their own usage only");
        }
        CapabilityPolicy policy = policies.current();
        List<CapabilityUsage> capabilities = policy.capabilities().keySet().stream()
                .sorted()
                .map(capability -> {
                    Decision standing = decisions.whatIf(policy, new DecisionRequest(subject, capability, null, null));
                    return new CapabilityUsage(
                            capability,
                            standing.decision(),
                            standing.reasons().stream().map(Reason::code).toList(),
                            standing.budgets());
                })
                .toList();
        return new SubjectUsage(subject, policy.version(), capabilities);
    }
}
