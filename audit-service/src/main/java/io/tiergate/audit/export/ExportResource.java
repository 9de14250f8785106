package io.tiergate.audit.export;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tiergate.audit.log.AuditEntry;
import io.tiergate.audit.merkle.MerkleTree;
import io.tiergate.audit.merkle.NodeId;
import io.tiergate.audit.merkle.NodeStore;
import io.tiergate.audit.proof.SignedCheckpoint;
import io.tiergate.audit.verifier.ExportVerifier;
import io.tiergate.commons.limit.CallerLimited;
import io.tiergate.commons.problem.ApiProblem;
import io.tiergate.commons.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Exports a range of the log as JSON Lines that the offline verifier checks against the latest signed
 * checkpoint: a header with the checkpoint, the subtrees before the range, one line per entry, then the
 * subtrees after it.
 */
@Path("/v1/exports")
@Tag(name = "export", description = "Log ranges for offline verification")
@RolesAllowed({"auditor", "platform-admin"})
public class ExportResource {

    public static final String JSON_LINES = "application/jsonl";
    static final int PAGE = 1000;

    @Inject
    NodeStore nodes;

    @Inject
    EntityManager entityManager;

    @GET
    @Produces({JSON_LINES, Problem.MEDIA_TYPE})
    @Operation(
            operationId = "exportAuditEvents",
            summary = "Export entries [from, to) with the latest checkpoint and the boundary subtrees, as JSON Lines "
                    + "(auditor, platform-admin); verify with java -jar audit-verifier.jar")
    @CallerLimited(value = "exports", perMinute = 10)
    @Extension(name = CallerLimited.OPENAPI_EXTENSION, value = "exports")
    public StreamingOutput export(@QueryParam("from") Long from, @QueryParam("to") Long to) {
        SignedCheckpoint checkpoint = SignedCheckpoint.latest();
        if (checkpoint == null) {
            throw ApiProblem.notFound("NO_CHECKPOINT", "the log has no checkpoint yet");
        }
        long size = checkpoint.treeSize;
        long start = from == null ? 0 : from;
        long end = to == null ? size : to;
        if (start < 0 || start > end || end > size) {
            throw ApiProblem.badRequest(
                    "INVALID_RANGE", "need 0 <= from <= to <= " + size + " (the latest checkpoint)");
        }
        List<NodeId> before = MerkleTree.perfectSubtrees(0, start);
        List<NodeId> after = MerkleTree.perfectSubtrees(end, size);
        List<NodeId> boundary = new ArrayList<>(before);
        boundary.addAll(after);
        Map<NodeId, byte[]> boundaryHashes = nodes.fetch(boundary);
        String note = checkpoint.note;
        Base64.Encoder b64 = Base64.getEncoder();
        return output -> {
            BufferedWriter out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            out.write("{\"format\":\"" + ExportVerifier.FORMAT + "\",\"treeSize\":" + size + ",\"from\":" + start
                    + ",\"to\":" + end + ",\"checkpoint\":\""
                    + b64.encodeToString(note.getBytes(StandardCharsets.UTF_8))
                    + "\"}\n");
            for (NodeId node : before) {
                writeSubtree(out, node, boundaryHashes.get(node));
            }
            for (long next = start; next < end; next += PAGE) {
                long pageStart = next;
                List<AuditEntry> page = QuarkusTransaction.requiringNew().call(() -> {
                    List<AuditEntry> entries = AuditEntry.<AuditEntry>find(
                                    "leafIndex >= ?1 and leafIndex < ?2 order by leafIndex",
                                    pageStart,
                                    Math.min(pageStart + PAGE, end))
                            .list();
                    entityManager.clear();
                    return entries;
                });
                for (AuditEntry entry : page) {
                    out.write("{\"index\":" + entry.leafIndex + ",\"leafHash\":\"" + b64.encodeToString(entry.leafHash)
                            + "\",\"entry\":\"" + b64.encodeToString(entry.entry) + "\"}\n");
                }
            }
            for (NodeId node : after) {
                writeSubtree(out, node, boundaryHashes.get(node));
            }
            out.flush();
        };
    }

    /** A perfect subtree outside the exported range, so the verifier can rebuild the signed root. */
    private static void writeSubtree(BufferedWriter out, NodeId node, byte[] hash) throws java.io.IOException {
        long first = node.firstLeaf();
        out.write("{\"start\":" + first + ",\"end\":" + (first + (1L << node.level())) + ",\"hash\":\""
                + Base64.getEncoder().encodeToString(hash) + "\"}\n");
    }
}
