package io.tiergate.entitlement.policy;

import io.tiergate.commons.problem.Problem;
import java.time.OffsetDateTime;
import java.util.List;

/** What the policy API answers. */
public final class PolicyViews {

    private PolicyViews() {}

    /** A version in the list: where it stands, and whether it is the one in force. */
    public record Summary(
            String version,
            String description,
            PolicyVersion.Status status,
            boolean inForce,
            String createdBy,
            OffsetDateTime createdAt) {

        static Summary of(PolicyVersion v, String inForce) {
            return new Summary(v.version, v.description, v.status, v.version.equals(inForce), v.createdBy, v.createdAt);
        }
    }

    /** One version whole: the document and the outcome of validating it. */
    public record Detail(
            String version,
            PolicyVersion.Status status,
            boolean inForce,
            String createdBy,
            OffsetDateTime createdAt,
            PolicyDocument document,
            Validation validation) {}

    /** The validate step's answer: publishable when {@code valid}, otherwise every problem with its field. */
    public record Validation(boolean valid, List<Problem.Violation> errors) {}

    /** What changes between two versions, capability by capability. */
    public record Diff(String from, String to, List<String> added, List<String> removed, List<Change> changed) {}

    public record Change(String capability, List<Entitlement> before, List<Entitlement> after) {}

    /** A publication as the log records it. */
    public record Publication(
            long id,
            String version,
            PolicyPublication.Kind kind,
            String previousVersion,
            String publishedBy,
            OffsetDateTime publishedAt,
            String confirmedBy,
            boolean breakGlass) {

        static Publication of(PolicyPublication p) {
            return new Publication(
                    p.id,
                    p.version,
                    p.kind,
                    p.previousVersion,
                    p.publishedBy,
                    p.publishedAt,
                    p.confirmedBy,
                    p.breakGlass);
        }
    }

    /** A publication or rollback waiting for a second officer (or already decided). */
    public record PublicationRequest(
            java.util.UUID id,
            String version,
            PolicyPublication.Kind kind,
            String against,
            PolicyPublicationRequest.Status status,
            String requestedBy,
            OffsetDateTime requestedAt,
            String decidedBy,
            OffsetDateTime decidedAt) {

        static PublicationRequest of(PolicyPublicationRequest r) {
            return new PublicationRequest(
                    r.id,
                    r.version,
                    r.kind,
                    r.against,
                    r.status,
                    r.requestedBy,
                    r.requestedAt,
                    r.decidedBy,
                    r.decidedAt);
        }
    }
}
