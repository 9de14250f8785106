package io.tiergate.entitlement.policy;

import io.tiergate.commons.outbox.Outbox;
import io.tiergate.commons.problem.ApiProblem;
import io.tiergate.commons.tx.AfterCommit;
import io.tiergate.entitlement.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The policy lifecycle: draft, validate, diff, publish, roll back. A draft is stored as authored even when it does
 * not validate yet; only a valid one can be published. Publishing a version that was in force before is a rollback.
 */
@ApplicationScoped
public class PolicyService {

    public static final String DRAFTED = "tiergate.entitlement.policy.drafted";
    public static final String PUBLISHED = "tiergate.entitlement.policy.published";
    public static final String PUBLICATION_REQUESTED = "tiergate.entitlement.policy.publication-requested";

    /** Event data of {@link #DRAFTED}. */
    public record PolicyDrafted(String version, boolean valid, String actor) {}

    /** Event data of {@link #PUBLISHED}: {@code actor} asked for it, {@code confirmedBy} confirmed it (four eyes). */
    public record PolicyPublished(
            String version,
            String kind,
            String previousVersion,
            String actor,
            String confirmedBy,
            boolean breakGlass) {}

    /** Event data of {@link #PUBLICATION_REQUESTED}. */
    public record PublicationRequested(String requestId, String version, String kind, String against, String actor) {}

    /** What a publication or rollback call did: put a version in force (break-glass), or ask a second officer. */
    public record Requested(PolicyViews.Publication publication, PolicyViews.PublicationRequest request) {}

    @Inject
    PolicyCompiler compiler;

    @Inject
    PolicyStore store;

    @Inject
    Outbox outbox;

    @Inject
    Topics topics;

    @Inject
    AfterCommit afterCommit;

    @Transactional
    public PolicyViews.Detail draft(String actor, PolicyDocument document) {
        if (PolicyVersion.findById(document.version()) != null) {
            throw ApiProblem.conflict(
                    "POLICY_VERSION_EXISTS",
                    "policy version " + document.version() + " exists; versions are immutable, draft a new one");
        }
        PolicyVersion version = new PolicyVersion();
        version.version = document.version();
        version.description = document.description();
        version.document = store.write(document);
        version.status = PolicyVersion.Status.DRAFT;
        version.createdBy = actor;
        version.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        version.persist();
        PolicyViews.Validation validation = validation(document);
        outbox.append(
                topics.entitlement(),
                DRAFTED,
                version.version,
                new PolicyDrafted(version.version, validation.valid(), actor));
        return detail(version, validation);
    }

    @Transactional
    public List<PolicyViews.Summary> list() {
        String inForce = store.current().version();
        return PolicyVersion.<PolicyVersion>list("ORDER BY createdAt DESC").stream()
                .map(v -> PolicyViews.Summary.of(v, inForce))
                .toList();
    }

    @Transactional
    public PolicyViews.Detail get(String version) {
        PolicyVersion stored = find(version);
        return detail(stored, validation(store.read(stored.document)));
    }

    @Transactional
    public PolicyViews.Validation validate(String version) {
        return validation(store.read(find(version).document));
    }

    @Transactional
    public List<PolicyViews.Publication> publications() {
        return PolicyPublication.<PolicyPublication>list("ORDER BY id DESC").stream()
                .map(PolicyViews.Publication::of)
                .toList();
    }

    /** What {@code version} changes against {@code against} (default: the policy in force). */
    @Transactional
    public PolicyViews.Diff diff(String version, String against) {
        String base = against == null || against.isBlank() ? store.current().version() : against;
        Map<String, List<Entitlement>> from = store.read(find(base).document).capabilities();
        Map<String, List<Entitlement>> to = store.read(find(version).document).capabilities();
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<PolicyViews.Change> changed = new ArrayList<>();
        TreeSet<String> all = new TreeSet<>(from.keySet());
        all.addAll(to.keySet());
        for (String capability : all) {
            if (!from.containsKey(capability)) {
                added.add(capability);
            } else if (!to.containsKey(capability)) {
                removed.add(capability);
            } else if (!Objects.equals(from.get(capability), to.get(capability))) {
                changed.add(new PolicyViews.Change(capability, from.get(capability), to.get(capability)));
            }
        }
        return new PolicyViews.Diff(base, version, added, removed, changed);
    }

    /**
     * An officer asks for a valid version to be put in force (one that was in force before comes back as a rollback):
     * the request waits for a second officer. A platform-admin acts alone, as break-glass: in force at once, and
     * flagged in the publication log and its event for review.
     */
    @Transactional
    public Requested requestPublication(String actor, boolean breakGlass, String version) {
        lockPublications();
        PolicyVersion target = find(version);
        PolicyPublication newest = publishable(target);
        if (breakGlass) {
            return new Requested(put(target, newest, actor, null, true), null);
        }
        PolicyPublicationRequest request = new PolicyPublicationRequest();
        request.id = UUID.randomUUID();
        request.version = version;
        request.kind = target.status == PolicyVersion.Status.SUPERSEDED
                ? PolicyPublication.Kind.ROLLBACK
                : PolicyPublication.Kind.PUBLISH;
        request.against = newest.version;
        request.status = PolicyPublicationRequest.Status.PENDING;
        request.requestedBy = actor;
        request.requestedAt = OffsetDateTime.now(ZoneOffset.UTC);
        request.persist();
        outbox.append(
                topics.entitlement(),
                PUBLICATION_REQUESTED,
                version,
                new PublicationRequested(request.id.toString(), version, request.kind.name(), request.against, actor));
        return new Requested(null, PolicyViews.PublicationRequest.of(request));
    }

    /** Asks to put back the version that was in force before the current one (four eyes, as a publication). */
    @Transactional
    public Requested requestRollback(String actor, boolean breakGlass) {
        PolicyPublication newest = PolicyPublication.newest().orElseThrow();
        if (newest.previousVersion == null) {
            throw ApiProblem.conflict("NOTHING_TO_ROLL_BACK", "policy " + newest.version + " is the first published");
        }
        return requestPublication(actor, breakGlass, newest.previousVersion);
    }

    /** A second officer confirms a pending request: the version goes in force, published by the requester. */
    @Transactional
    public PolicyViews.Publication confirm(String actor, UUID id) {
        lockPublications();
        PolicyPublicationRequest request = PolicyPublicationRequest.<PolicyPublicationRequest>findByIdOptional(id)
                .orElseThrow(
                        () -> ApiProblem.notFound("PUBLICATION_REQUEST_NOT_FOUND", "no publication request " + id));
        if (request.status != PolicyPublicationRequest.Status.PENDING) {
            throw ApiProblem.conflict(
                    "PUBLICATION_REQUEST_DECIDED",
                    "publication request " + id + " is "
                            + request.status
                            + (request.status == PolicyPublicationRequest.Status.SUPERSEDED
                                    ? ": the policy in force changed since it was made; ask again"
                                    : ""));
        }
        if (request.requestedBy.equals(actor)) {
            throw ApiProblem.forbidden("CONFIRMER_IS_REQUESTER", "a second, different officer confirms a publication");
        }
        PolicyVersion target = find(request.version);
        PolicyPublication newest = publishable(target);
        request.status = PolicyPublicationRequest.Status.CONFIRMED;
        request.decidedBy = actor;
        request.decidedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return put(target, newest, request.requestedBy, actor, false);
    }

    @Transactional
    public List<PolicyViews.PublicationRequest> pendingRequests() {
        return PolicyPublicationRequest.pending().stream()
                .map(PolicyViews.PublicationRequest::of)
                .toList();
    }

    /** Publications are serialized, so that "previous" is exact and the log has no ties. */
    private static void lockPublications() {
        PolicyPublication.getEntityManager()
                .createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('policy-publication'))")
                .getSingleResult();
    }

    /** The publication in force, once the target is known to validate and not to be in force already. */
    private PolicyPublication publishable(PolicyVersion target) {
        PolicyViews.Validation validation = validation(store.read(target.document));
        if (!validation.valid()) {
            throw ApiProblem.unprocessable("POLICY_INVALID", "policy " + target.version + " does not validate")
                    .withViolations(validation.errors());
        }
        PolicyPublication newest = PolicyPublication.newest().orElseThrow();
        if (newest.version.equals(target.version)) {
            throw ApiProblem.conflict("POLICY_ALREADY_IN_FORCE", "policy " + target.version + " is already in force");
        }
        return newest;
    }

    /** Puts the version in force; requests made against the version it replaces can no longer be confirmed. */
    private PolicyViews.Publication put(
            PolicyVersion target,
            PolicyPublication newest,
            String publishedBy,
            String confirmedBy,
            boolean breakGlass) {
        PolicyVersion.<PolicyVersion>findByIdOptional(newest.version)
                .ifPresent(previous -> previous.status = PolicyVersion.Status.SUPERSEDED);
        boolean rollback = target.status == PolicyVersion.Status.SUPERSEDED;
        target.status = PolicyVersion.Status.PUBLISHED;
        PolicyPublication publication = new PolicyPublication();
        publication.version = target.version;
        publication.kind = rollback ? PolicyPublication.Kind.ROLLBACK : PolicyPublication.Kind.PUBLISH;
        publication.previousVersion = newest.version;
        publication.publishedBy = publishedBy;
        publication.publishedAt = OffsetDateTime.now(ZoneOffset.UTC);
        publication.confirmedBy = confirmedBy;
        publication.breakGlass = breakGlass;
        publication.persist();
        PolicyPublicationRequest.update(
                "status = ?1, decidedAt = ?2 WHERE status = ?3",
                PolicyPublicationRequest.Status.SUPERSEDED,
                publication.publishedAt,
                PolicyPublicationRequest.Status.PENDING);
        outbox.append(
                topics.entitlement(),
                PUBLISHED,
                target.version,
                new PolicyPublished(
                        target.version, publication.kind.name(), newest.version, publishedBy, confirmedBy, breakGlass));
        afterCommit.run(store::reload); // in force here the moment it commits; other instances follow the event
        return PolicyViews.Publication.of(publication);
    }

    /** A stored version, compiled for a what-if evaluation; it need not be published, but it must validate. */
    @Transactional
    public CapabilityPolicy compiled(String version) {
        PolicyDocument document = store.read(find(version).document);
        PolicyViews.Validation validation = validation(document);
        if (!validation.valid()) {
            throw ApiProblem.unprocessable("POLICY_INVALID", "policy " + version + " does not validate")
                    .withViolations(validation.errors());
        }
        return compiler.compile(document);
    }

    private PolicyVersion find(String version) {
        return PolicyVersion.<PolicyVersion>findByIdOptional(version)
                .orElseThrow(() -> ApiProblem.notFound("POLICY_NOT_FOUND", "no policy version " + version));
    }

    private PolicyViews.Validation validation(PolicyDocument document) {
        var errors = compiler.validate(document);
        return new PolicyViews.Validation(errors.isEmpty(), errors);
    }

    private PolicyViews.Detail detail(PolicyVersion v, PolicyViews.Validation validation) {
        return new PolicyViews.Detail(
                v.version,
                v.status,
                v.version.equals(store.current().version()),
                v.createdBy,
                v.createdAt,
                store.read(v.document),
                validation);
    }
}
