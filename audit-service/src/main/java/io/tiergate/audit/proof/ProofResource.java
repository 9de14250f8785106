package io.tiergate.audit.proof;

import io.tiergate.audit.log.AuditEntry;
import io.tiergate.commons.limit.CallerLimited;
import io.tiergate.commons.problem.ApiProblem;
import io.tiergate.commons.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Checkpoints, proofs and entries that verify with any RFC 6962 verifier. All hashes are standard base64. */
@Path("/v1")
@Tag(name = "proofs", description = "Signed checkpoints and RFC 6962 proofs; hashes are standard base64")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@RolesAllowed({"auditor", "platform-admin"})
public class ProofResource {

    @Inject
    ProofService proofs;

    @Inject
    CheckpointSigner signer;

    @Inject
    LogSelfCheck selfCheck;

    public record CheckpointView(long treeSize, String rootHash, OffsetDateTime time, String note) {
        static CheckpointView of(SignedCheckpoint checkpoint) {
            return new CheckpointView(
                    checkpoint.treeSize,
                    Base64.getEncoder().encodeToString(checkpoint.rootHash),
                    checkpoint.createdAt,
                    checkpoint.note);
        }
    }

    public record EntryView(long index, String entry, String leafHash) {}

    public record LogKey(String origin, String algorithm, String publicKey, String verifierKey) {}

    @GET
    @Path("/checkpoints/latest")
    @Operation(
            operationId = "getLatestCheckpoint",
            summary = "The latest signed checkpoint (auditor, platform-admin); rootHash is base64")
    public CheckpointView latest() {
        SignedCheckpoint latest = SignedCheckpoint.latest();
        if (latest == null) {
            throw ApiProblem.notFound("NO_CHECKPOINT", "the log has no checkpoint yet");
        }
        return CheckpointView.of(latest);
    }

    @GET
    @Path("/checkpoints/{treeSize}")
    @Operation(
            operationId = "getCheckpoint",
            summary = "The checkpoint signed at exactly this tree size (auditor, platform-admin)")
    public CheckpointView atSize(@PathParam("treeSize") long treeSize) {
        if (treeSize < 1) {
            throw ApiProblem.badRequest("TREE_SIZE_OUT_OF_RANGE", "treeSize must be at least 1");
        }
        SignedCheckpoint checkpoint = SignedCheckpoint.findById(treeSize);
        if (checkpoint == null) {
            throw ApiProblem.notFound("NO_CHECKPOINT", "no checkpoint was signed at size " + treeSize);
        }
        return CheckpointView.of(checkpoint);
    }

    @GET
    @Path("/proofs/inclusion")
    @Operation(
            operationId = "getInclusionProof",
            summary = "Inclusion proof of an entry, by index or event id, in a tree size (auditor, platform-admin); "
                    + "leafHash and proof are base64, leaf to root (RFC 9162 §2.1.3)")
    @CallerLimited(value = "proofs", perMinute = 600)
    @Extension(name = CallerLimited.OPENAPI_EXTENSION, value = "proofs")
    public ProofService.InclusionProof inclusion(
            @QueryParam("index") Long index,
            @QueryParam("eventId") UUID eventId,
            @QueryParam("treeSize") Long treeSize) {
        if (treeSize == null || (index == null) == (eventId == null)) {
            throw ApiProblem.badRequest("INVALID_PROOF_REQUEST", "give treeSize and exactly one of index or eventId");
        }
        return index != null ? proofs.inclusion(index, treeSize) : proofs.inclusion(eventId, treeSize);
    }

    @GET
    @Path("/proofs/consistency")
    @Operation(
            operationId = "getConsistencyProof",
            summary = "Consistency proof between two tree sizes (auditor, platform-admin); base64, RFC 9162 §2.1.4")
    @CallerLimited(value = "proofs", perMinute = 600)
    @Extension(name = CallerLimited.OPENAPI_EXTENSION, value = "proofs")
    public ProofService.ConsistencyProof consistency(@QueryParam("from") Long from, @QueryParam("to") Long to) {
        if (from == null || to == null) {
            throw ApiProblem.badRequest("INVALID_PROOF_REQUEST", "give from and to");
        }
        return proofs.consistency(from, to);
    }

    @GET
    @Path("/entries/{index}")
    @Operation(
            operationId = "getEntry",
            summary = "An entry's canonical bytes (base64) and leaf hash (base64) (auditor, platform-admin)")
    public EntryView entry(@PathParam("index") long index) {
        AuditEntry entry = AuditEntry.findById(index);
        if (entry == null) {
            throw ApiProblem.notFound("ENTRY_NOT_FOUND", "no entry at index " + index);
        }
        Base64.Encoder b64 = Base64.getEncoder();
        return new EntryView(entry.leafIndex, b64.encodeToString(entry.entry), b64.encodeToString(entry.leafHash));
    }

    @GET
    @Path("/log-key")
    @Operation(
            operationId = "getLogKey",
            summary = "The log's Ed25519 public key (base64, 32 bytes) and C2SP verifier key (auditor, platform-admin)")
    public LogKey logKey() {
        return new LogKey(
                signer.origin(),
                "Ed25519",
                Base64.getEncoder().encodeToString(signer.publicKey()),
                signer.verifierKey());
    }

    @GET
    @Path("/log/verification")
    @Operation(
            operationId = "verifyLog",
            summary = "Walk the whole log now: recompute leaves, stored subtrees and the latest signed root "
                    + "(auditor, platform-admin); names the first index that does not verify")
    @CallerLimited(value = "log-verification", perMinute = 6)
    @Extension(name = CallerLimited.OPENAPI_EXTENSION, value = "log-verification")
    public LogVerification verify() {
        return selfCheck.verify();
    }
}
