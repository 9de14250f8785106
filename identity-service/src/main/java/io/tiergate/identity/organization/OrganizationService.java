package io.tiergate.identity.organization;

import io.tiergate.commons.event.ConsistencyToken;
import io.tiergate.commons.outbox.Outbox;
import io.tiergate.commons.problem.ApiProblem;
import io.tiergate.identity.review.ReviewService;
import io.tiergate.identity.screening.Screener;
import io.tiergate.identity.screening.ScreeningHit;
import io.tiergate.identity.screening.ScreeningQuery;
import io.tiergate.identity.verification.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Registers an organization, decides it by the rules and keeps its membership, each change recorded with
 * its event in the same transaction. Membership changes hold the organization's row lock, so that the
 * checks (is the actor a representative, is the subject already a member) cannot race.
 */
@ApplicationScoped
public class OrganizationService {

    static final String ORGANIZATION_NOT_FOUND = "ORGANIZATION_NOT_FOUND";
    static final String NOT_AN_ORGANIZATION_MEMBER = "NOT_AN_ORGANIZATION_MEMBER";
    static final String NOT_AN_ORGANIZATION_REPRESENTATIVE = "NOT_AN_ORGANIZATION_REPRESENTATIVE";
    static final String MEMBERSHIP_ALREADY_ACTIVE = "MEMBERSHIP_ALREADY_ACTIVE";
    static final String MEMBERSHIP_NOT_FOUND = "MEMBERSHIP_NOT_FOUND";

    @Inject
    OrganizationRules rules;

    @Inject
    Outbox outbox;

    @Inject
    Screener screener;

    /** The submitting customer becomes the first member, as a representative. */
    @Transactional
    public OrganizationView register(String subject, OrganizationRequest request) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Organization organization = new Organization();
        organization.id = UUID.randomUUID();
        organization.legalName = request.legalName().strip();
        organization.registrationNumber = request.registrationNumber().strip();
        organization.countryOfIncorporation = request.countryOfIncorporation();
        organization.kind = request.kind();
        organization.submittedBy = subject;
        organization.submittedAt = now;

        List<Reason> reasons = rules.evaluate(request);
        organization.screeningHits = screen(request);
        if (!reasons.isEmpty()) {
            organization.status = OrganizationStatus.REJECTED;
        } else if (!organization.screeningHits.isEmpty()) {
            organization.status = OrganizationStatus.IN_REVIEW;
            reasons = List.of(
                    new Reason(
                            Screener.SCREENING_HIT,
                            organization.screeningHits.size()
                                    + " possible match(es) on sanctions lists for the organization or its people; an officer reviews it"));
        } else {
            organization.status = OrganizationStatus.VERIFIED;
        }
        organization.reasons = reasons;
        organization.decidedAt = now;
        organization.persist();
        for (OrganizationRequest.BeneficialOwner owner : request.beneficialOwners()) {
            OrganizationParty.of(
                            organization.id,
                            PartyKind.BENEFICIAL_OWNER,
                            owner.name().strip(),
                            owner.nationality(),
                            owner.ownershipPercent())
                    .persist();
        }
        for (OrganizationRequest.Representative representative : request.representatives()) {
            OrganizationParty.of(
                            organization.id,
                            PartyKind.LEGAL_REPRESENTATIVE,
                            representative.name().strip(),
                            representative.nationality(),
                            null)
                    .persist();
        }

        ConsistencyToken token = announceVerdict(organization);
        OrganizationMember founder = join(organization.id, subject, MemberRole.REPRESENTATIVE, subject, now);
        announce(founder, true, subject);
        return OrganizationView.of(organization, List.of(founder), token.toString());
    }

    /** An officer's decision on an organization in review; members of the organization cannot decide it. */
    @Transactional
    public OrganizationView decide(String officer, UUID id, String outcome, String reason) {
        Organization organization = Organization.<Organization>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ApiProblem.notFound(ORGANIZATION_NOT_FOUND, "no organization " + id));
        if (OrganizationMember.currentOf(id).stream().anyMatch(m -> m.subject.equals(officer))) {
            throw ApiProblem.forbidden("SELF_REVIEW_FORBIDDEN", "an officer cannot review their own organization");
        }
        if (organization.status != OrganizationStatus.IN_REVIEW) {
            throw ApiProblem.conflict(
                    "ORGANIZATION_NOT_IN_REVIEW", "organization " + id + " is " + organization.status);
        }
        organization.status = OrganizationStatus.valueOf(outcome);
        organization.reasons = List.of(new Reason(
                "VERIFIED".equals(outcome) ? ReviewService.REVIEWED_CLEAR : ReviewService.REVIEWED_REJECTED, reason));
        organization.decidedBy = officer;
        organization.decidedAt = OffsetDateTime.now(ZoneOffset.UTC);
        ConsistencyToken token = announceVerdict(organization);
        return OrganizationView.withEvidence(organization, OrganizationMember.currentOf(id), token.toString());
    }

    /**
     * Screens a verified organization again (after a list update): a hit that was not there before puts it back in
     * review and announces it, so that tier-service suspends its grants. Returns whether it did.
     */
    @Transactional
    public boolean rescreen(UUID id) {
        Organization organization = Organization.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (organization == null || organization.status != OrganizationStatus.VERIFIED) {
            return false;
        }
        List<ScreeningHit> hits = new ArrayList<>(screener.screen(
                ScreeningQuery.organization(organization.legalName, organization.countryOfIncorporation)));
        for (OrganizationParty party : OrganizationParty.<OrganizationParty>list("organizationId", id)) {
            hits.addAll(screener.screen(ScreeningQuery.person(party.name, null, List.of(party.nationality))));
        }
        boolean fresh = !ScreeningHit.newAmong(hits, organization.screeningHits).isEmpty();
        organization.screeningHits = hits;
        if (!fresh) {
            return false;
        }
        organization.status = OrganizationStatus.IN_REVIEW;
        organization.reasons = List.of(new Reason(
                Screener.SCREENING_HIT,
                "a sanctions list update matched the organization or its people; an officer reviews it"));
        announceVerdict(organization);
        return true;
    }

    /** The organization's name, and each owner and representative, against the sanctions lists. */
    private List<ScreeningHit> screen(OrganizationRequest request) {
        List<ScreeningHit> hits = new ArrayList<>(
                screener.screen(ScreeningQuery.organization(request.legalName(), request.countryOfIncorporation())));
        for (OrganizationRequest.BeneficialOwner owner : request.beneficialOwners()) {
            hits.addAll(screener.screen(ScreeningQuery.person(owner.name(), null, List.of(owner.nationality()))));
        }
        for (OrganizationRequest.Representative representative : request.representatives()) {
            hits.addAll(screener.screen(
                    ScreeningQuery.person(representative.name(), null, List.of(representative.nationality()))));
        }
        return hits;
    }

    private ConsistencyToken announceVerdict(Organization organization) {
        String type = switch (organization.status) {
            case VERIFIED -> OrganizationEvents.VERIFIED;
            case REJECTED -> OrganizationEvents.REJECTED;
            case IN_REVIEW -> OrganizationEvents.REVIEW_REQUIRED;
        };
        return outbox.append(
                OrganizationEvents.TOPIC,
                type,
                organization.id.toString(),
                new OrganizationEvents.OrganizationDecided(
                        organization.id,
                        organization.kind,
                        organization.status,
                        organization.countryOfIncorporation,
                        organization.reasons.stream()
                                .map(Reason::code)
                                .distinct()
                                .toList()));
    }

    public Optional<Organization> find(UUID id) {
        return Organization.findByIdOptional(id);
    }

    public List<OrganizationMember> currentMembers(UUID organizationId) {
        return OrganizationMember.currentOf(organizationId);
    }

    public boolean isCurrentMember(UUID organizationId, String subject) {
        return OrganizationMember.current(organizationId, subject).isPresent();
    }

    /** By a compliance officer or a current representative of the organization. */
    @Transactional
    public MembershipView addMember(UUID organizationId, MemberRequest request, Actor actor) {
        locked(organizationId);
        if (!actor.complianceOfficer() && !isRepresentative(organizationId, actor.subject())) {
            throw ApiProblem.forbidden(
                    NOT_AN_ORGANIZATION_REPRESENTATIVE,
                    "only a representative of organization " + organizationId
                            + " or a compliance officer may add members");
        }
        if (isCurrentMember(organizationId, request.subject())) {
            throw ApiProblem.conflict(
                    MEMBERSHIP_ALREADY_ACTIVE, "the subject is already a member of organization " + organizationId);
        }
        OrganizationMember membership = join(
                organizationId, request.subject(), request.role(), actor.subject(), OffsetDateTime.now(ZoneOffset.UTC));
        ConsistencyToken token = announce(membership, true, actor.subject());
        return MembershipView.joined(membership, token.toString());
    }

    /** By a compliance officer, a current representative, or the member themselves (leaving). */
    @Transactional
    public MembershipView removeMember(UUID organizationId, String subject, Actor actor) {
        locked(organizationId);
        boolean allowed = actor.complianceOfficer()
                || actor.subject().equals(subject)
                || isRepresentative(organizationId, actor.subject());
        if (!allowed) {
            throw ApiProblem.forbidden(
                    NOT_AN_ORGANIZATION_REPRESENTATIVE,
                    "only a representative of organization " + organizationId
                            + ", a compliance officer or the member themselves may remove a member");
        }
        OrganizationMember membership = OrganizationMember.current(organizationId, subject)
                .orElseThrow(() -> ApiProblem.notFound(
                        MEMBERSHIP_NOT_FOUND, "the subject is not a member of organization " + organizationId));
        membership.leftAt = OffsetDateTime.now(ZoneOffset.UTC);
        membership.removedBy = actor.subject();
        ConsistencyToken token = announce(membership, false, actor.subject());
        return MembershipView.left(membership, token.toString());
    }

    private Organization locked(UUID organizationId) {
        return Organization.<Organization>findByIdOptional(organizationId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> notFound(organizationId));
    }

    static ApiProblem notFound(UUID organizationId) {
        return ApiProblem.notFound(ORGANIZATION_NOT_FOUND, "no organization " + organizationId);
    }

    private static boolean isRepresentative(UUID organizationId, String subject) {
        return OrganizationMember.current(organizationId, subject)
                .filter(membership -> membership.role == MemberRole.REPRESENTATIVE)
                .isPresent();
    }

    private OrganizationMember join(
            UUID organizationId, String subject, MemberRole role, String actor, OffsetDateTime now) {
        OrganizationMember membership = new OrganizationMember();
        membership.id = UUID.randomUUID();
        membership.organizationId = organizationId;
        membership.subject = subject;
        membership.role = role;
        membership.joinedAt = now;
        membership.addedBy = actor;
        membership.persist();
        return membership;
    }

    private ConsistencyToken announce(OrganizationMember membership, boolean member, String actor) {
        return outbox.append(
                OrganizationEvents.TOPIC,
                OrganizationEvents.MEMBERSHIP_CHANGED,
                membership.subject,
                new OrganizationEvents.MembershipChanged(membership.organizationId, member, membership.role, actor));
    }
}
