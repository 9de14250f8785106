package io.tiergate.identity.sybil;

import io.tiergate.commons.problem.ApiProblem;
import io.tiergate.commons.problem.Problem;
import io.tiergate.identity.verification.VerificationCase;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/clusters")
@Tag(
        name = "clusters",
        description = "Identity clusters: accounts that share a document, email, phone, device or payment instrument")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class ClusterResource {

    public record Member(String subject, String linkedBy, OffsetDateTime joinedAt, String latestCaseStatus) {}

    public record ClusterView(UUID id, List<Member> members) {}

    @GET
    @Path("/{id}")
    @RolesAllowed({"compliance-officer", "auditor"})
    @Operation(
            operationId = "getCluster",
            summary = "An identity cluster's members, how each was linked, and their latest verification status")
    public ClusterView get(@PathParam("id") UUID id) {
        List<ClusterMember> members = ClusterMember.inCluster(id);
        if (members.isEmpty()) {
            throw ApiProblem.notFound("CLUSTER_NOT_FOUND", "no identity cluster " + id);
        }
        return new ClusterView(
                id,
                members.stream()
                        .map(m -> new Member(
                                m.subject,
                                m.linkedBy,
                                m.joinedAt,
                                VerificationCase.latestOf(m.subject)
                                        .map(c -> c.status.name())
                                        .orElse(null)))
                        .toList());
    }
}
