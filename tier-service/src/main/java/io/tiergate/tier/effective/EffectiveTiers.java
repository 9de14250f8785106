package io.tiergate.tier.effective;

import io.tiergate.commons.event.ConsistencyToken;
import io.tiergate.commons.outbox.Outbox;
import io.tiergate.tier.grant.HolderKind;
import io.tiergate.tier.grant.TierEvents;
import io.tiergate.tier.grant.TierEvents.EffectiveGrant;
import io.tiergate.tier.grant.TierGrant;
import io.tiergate.tier.identity.KnownOrganization;
import io.tiergate.tier.identity.OrganizationMembership;
import io.tiergate.tier.requirement.RequirementCheck;
import io.tiergate.tier.requirement.TierRequirements;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's effective tiers: their own active grants plus those of organizations they belong to, when they meet
 * the tier's requirements as a member. Whenever that set changes it is announced, in the same transaction as the
 * change, as {@link TierEvents#EFFECTIVE_CHANGED}: decisions and the Keycloak reflection follow that one event.
 */
@ApplicationScoped
public class EffectiveTiers {

    public static final String DIRECT = "DIRECT";
    public static final String ORGANIZATION = "ORGANIZATION";

    @Inject
    Outbox outbox;

    @Inject
    TierRequirements requirements;

    @Inject
    RequirementCheck check;

    public List<EffectiveGrant> of(String subject) {
        List<EffectiveGrant> tiers = new ArrayList<>();
        for (TierGrant grant : TierGrant.activeOf(subject, HolderKind.SUBJECT)) {
            tiers.add(new EffectiveGrant(grant.id, grant.tier, DIRECT, null, grant.expiresAt));
        }
        for (UUID organizationId : OrganizationMembership.organizationsOf(subject)) {
            KnownOrganization organization = KnownOrganization.findById(organizationId);
            if (organization == null) {
                continue;
            }
            for (TierGrant grant : TierGrant.activeOf(organizationId.toString(), HolderKind.ORGANIZATION)) {
                if (check.forMember(requirements.policy(grant.tier), subject, organization)
                        .isEmpty()) {
                    tiers.add(new EffectiveGrant(grant.id, grant.tier, ORGANIZATION, organizationId, grant.expiresAt));
                }
            }
        }
        tiers.sort(Comparator.comparing(EffectiveGrant::tier)
                .thenComparing(g -> g.grantId().toString()));
        return tiers;
    }

    /** The people a grant holder's change can affect: the person, or every current member of the organization. */
    public static Collection<String> affectedBy(String holder, HolderKind kind) {
        return kind == HolderKind.SUBJECT ? List.of(holder) : OrganizationMembership.membersOf(UUID.fromString(holder));
    }

    /** Announces each person's effective tiers if they changed; returns the consistency tokens of what was announced. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ConsistencyToken> announce(Collection<String> subjects) {
        List<ConsistencyToken> tokens = new ArrayList<>();
        for (String subject : new LinkedHashSet<>(subjects)) {
            announce(subject).ifPresent(tokens::add);
        }
        return tokens;
    }

    private Optional<ConsistencyToken> announce(String subject) {
        List<EffectiveGrant> now = of(subject);
        AnnouncedTiers announced = AnnouncedTiers.findById(subject, LockModeType.PESSIMISTIC_WRITE);
        if (announced == null) {
            if (now.isEmpty()) {
                return Optional.empty(); // nothing held and nothing announced before: nothing to say
            }
            announced = new AnnouncedTiers();
            announced.subject = subject;
        } else if (announced.tiers.equals(now)) {
            return Optional.empty();
        }
        announced.tiers = now;
        announced.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        announced.persist();
        return Optional.of(outbox.append(
                TierEvents.TOPIC, TierEvents.EFFECTIVE_CHANGED, subject, new TierEvents.EffectiveChanged(now)));
    }
}
