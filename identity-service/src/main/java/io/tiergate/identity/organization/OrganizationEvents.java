package io.tiergate.identity.organization;

import io.tiergate.identity.verification.IdentityEvents;
import java.util.List;
import java.util.UUID;

/** The organization events this service publishes on {@link #TOPIC}; see docs/events/identity-organization.md. */
public final class OrganizationEvents {

    public static final String TOPIC = IdentityEvents.TOPIC;
    public static final String VERIFIED = "tiergate.identity.organization.verified";
    public static final String REJECTED = "tiergate.identity.organization.rejected";
    public static final String REVIEW_REQUIRED = "tiergate.identity.organization.review-required";
    public static final String MEMBERSHIP_CHANGED = "tiergate.identity.organization.membership.changed";

    private OrganizationEvents() {}

    /** Data of a verdict event (subject: the organization id). No names: only what decisions need. */
    public record OrganizationDecided(
            UUID organizationId,
            OrganizationKind kind,
            OrganizationStatus status,
            String countryOfIncorporation,
            List<String> reasons) {}

    /** Data of a membership change (subject: the member); {@code role} is the role held or given up. */
    public record MembershipChanged(UUID organizationId, boolean member, MemberRole role, String actor) {}
}
