package io.tiergate.identity.verification;

import java.util.List;
import java.util.UUID;

/**
 * The identity events this service publishes on {@link #TOPIC}; see docs/events/. Screening hits are in
 * {@link io.tiergate.identity.screening.ScreeningEvents}, organizations in
 * {@link io.tiergate.identity.organization.OrganizationEvents}.
 */
public final class IdentityEvents {

    public static final String TOPIC = "tiergate.identity";
    public static final String SUBMITTED = "tiergate.identity.verification.submitted";
    public static final String VERIFIED = "tiergate.identity.verification.verified";
    public static final String REJECTED = "tiergate.identity.verification.rejected";
    public static final String REVIEW_REQUIRED = "tiergate.identity.verification.review-required";
    public static final String REVIEWED = "tiergate.identity.verification.reviewed";
    public static final String EXPIRED = "tiergate.identity.verification.expired";
    public static final String REVOKED = "tiergate.identity.verification.revoked";
    public static final String CLUSTER_LINKED = "tiergate.identity.cluster.linked";

    private IdentityEvents() {}

    /**
     * Data of a verdict event. Carries only what downstream decisions need (nationalities and
     * residence for jurisdiction rules), never names or dates of birth.
     */
    public record VerificationDecided(
            UUID caseId,
            VerificationStatus status,
            List<String> nationalities,
            String residenceCountry,
            List<Reason> reasons) {}

    /** Data of submitted and reviewed events: the case, its status, and who acted. */
    public record CaseChanged(UUID caseId, VerificationStatus status, String actor, String reason) {}

    /** Data of a cluster link: the applicant (the event's subject) shares fingerprints with these subjects. */
    public record ClusterLinked(
            UUID clusterId, UUID caseId, List<String> linkedSubjects, List<String> via, int clusterSize) {}
}
