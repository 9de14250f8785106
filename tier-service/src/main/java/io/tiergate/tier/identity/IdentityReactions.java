package io.tiergate.tier.identity;

import io.tiergate.commons.event.CloudEvent;
import io.tiergate.tier.config.TierConfig;
import io.tiergate.tier.effective.EffectiveTiers;
import io.tiergate.tier.grant.GrantService;
import io.tiergate.tier.grant.Holder;
import io.tiergate.tier.grant.HolderKind;
import io.tiergate.tier.grant.Tier;
import io.tiergate.tier.grant.TierGrant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What identity events do to tiers. Each reaction runs in the consumer's transaction, is applied once per event
 * id, ignores versions older than what it applied, and leaves its trace as tier events (the audit trail).
 */
@ApplicationScoped
public class IdentityReactions {

    static final String VERIFIED = "tiergate.identity.verification.verified";
    static final String REJECTED = "tiergate.identity.verification.rejected";
    static final String REVIEW_REQUIRED = "tiergate.identity.verification.review-required";
    static final String REVOKED = "tiergate.identity.verification.revoked";
    static final String EXPIRED = "tiergate.identity.verification.expired";
    static final String SCREENING_HIT = "tiergate.identity.screening.hit";
    static final String ORGANIZATION_VERIFIED = "tiergate.identity.organization.verified";
    static final String ORGANIZATION_REJECTED = "tiergate.identity.organization.rejected";
    static final String ORGANIZATION_REVIEW_REQUIRED = "tiergate.identity.organization.review-required";
    static final String MEMBERSHIP_CHANGED = "tiergate.identity.organization.membership.changed";

    /** Verdicts after which a person's grants must not be used until an officer looks again. */
    private static final Set<String> LOSES_STANDING = Set.of("REJECTED", "REVOKED", "EXPIRED");

    @Inject
    GrantService grants;

    @Inject
    EffectiveTiers effective;

    @Inject
    TierConfig config;

    @Transactional(Transactional.TxType.MANDATORY)
    void onVerdict(CloudEvent event) {
        VerifiedIdentity identity = VerifiedIdentity.findById(event.subject());
        long version = versionOf(event);
        if (identity == null) {
            identity = new VerifiedIdentity();
            identity.subject = event.subject();
        } else if (identity.identityVersion >= version) {
            return; // an older verdict arriving late never overrides a newer one
        }
        String status = statusOf(event);
        boolean wasVerified = identity.verified();
        identity.status = status;
        identity.caseId = event.data().hasNonNull("caseId")
                ? UUID.fromString(event.data().get("caseId").asText())
                : null;
        if (event.data().has("nationalities")) {
            List<String> nationalities = new ArrayList<>();
            event.data().path("nationalities").forEach(n -> nationalities.add(n.asText()));
            identity.nationalities = nationalities;
        }
        if (event.data().has("residenceCountry")) {
            identity.residenceCountry = event.data().path("residenceCountry").asText(null);
        }
        if (identity.verified()) {
            identity.verifiedAt = event.time();
        }
        identity.identityVersion = version;
        identity.updatedAt = now();
        identity.persist();

        if (LOSES_STANDING.contains(status) && wasVerified) {
            grants.suspendAll(
                    event.subject(),
                    HolderKind.SUBJECT,
                    "IDENTITY_" + status,
                    "identity verification " + status.toLowerCase());
        }
        if (identity.verified() && config.autoGrantPublic() && !TierGrant.hasLive(event.subject(), Tier.PUBLIC)) {
            grants.issue(
                    GrantService.SYSTEM_ACTOR,
                    new Holder(event.subject(), HolderKind.SUBJECT),
                    Tier.PUBLIC,
                    "granted on identity verification",
                    null,
                    null,
                    null);
        }
        effective.announce(List.of(event.subject()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onScreeningHit(CloudEvent event) {
        grants.suspendAll(event.subject(), HolderKind.SUBJECT, "SCREENING_HIT", "new screening hit pending review");
        effective.announce(List.of(event.subject()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onOrganization(CloudEvent event) {
        UUID id = UUID.fromString(event.data().path("organizationId").asText(event.subject()));
        KnownOrganization organization = KnownOrganization.findById(id);
        long version = versionOf(event);
        if (organization == null) {
            organization = new KnownOrganization();
            organization.id = id;
        } else if (organization.identityVersion >= version) {
            return;
        }
        boolean wasVerified = organization.verified();
        organization.status = statusOf(event);
        organization.kind = event.data().path("kind").asText(organization.kind);
        organization.countryOfIncorporation =
                event.data().path("countryOfIncorporation").asText(organization.countryOfIncorporation);
        organization.identityVersion = version;
        organization.updatedAt = now();
        organization.persist();
        if (wasVerified && !organization.verified()) {
            grants.suspendAll(
                    id.toString(),
                    HolderKind.ORGANIZATION,
                    "ORGANIZATION_" + organization.status,
                    "organization verification " + organization.status.toLowerCase());
        }
        effective.announce(OrganizationMembership.membersOf(id));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onMembership(CloudEvent event) {
        UUID organizationId =
                UUID.fromString(event.data().path("organizationId").asText());
        OrganizationMembership.Key key = new OrganizationMembership.Key(organizationId, event.subject());
        OrganizationMembership membership = OrganizationMembership.findById(key);
        long version = versionOf(event);
        if (membership == null) {
            membership = new OrganizationMembership();
            membership.key = key;
        } else if (membership.identityVersion >= version) {
            return;
        }
        membership.member = event.data().path("member").asBoolean(false);
        membership.identityVersion = version;
        membership.updatedAt = now();
        membership.persist();
        // A member who leaves loses what they inherited in this same transaction.
        effective.announce(List.of(event.subject()));
    }

    /** The verdict's status, from its data, else from its type (revoked, expired). */
    private static String statusOf(CloudEvent event) {
        String status = event.data().path("status").asText("");
        if (!status.isBlank()) {
            return status;
        }
        String type = event.type();
        return type.substring(type.lastIndexOf('.') + 1).toUpperCase().replace('-', '_');
    }

    private static long versionOf(CloudEvent event) {
        return event.tiergateversion() == null ? 0 : event.tiergateversion();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
