package io.tiergate.entitlement.policy;

import io.tiergate.commons.outbox.Outbox;
import io.tiergate.commons.problem.ApiProblem;
import io.tiergate.commons.tx.AfterCommit;
import io.tiergate.entitlement.directive.DirectiveService;
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

/**
 * The policy lifecycle: draft, validate, diff, publish, roll back. A draft is stored as authored even when it does
 * not validate yet; only a valid one can be published. Publishing a version that was in force before is a rollback.
 */
@ApplicationScoped
public class PolicyService {

    public static final String DRAFTED = "tiergate.entitlement.policy.drafted";
    public static final String PUBLISHED = "tiergate.entitlement.policy.published";

    /** Event data of {@link #DRAFTED}. */
    public record PolicyDrafted(String version, boolean valid, String actor) {
    }

    /** Event data of {@link #PUBLISHED}. */
    public record PolicyPublished(String version, String kind, String previousVersion, String actor) {
    }

    @Inject
    PolicyCompiler compiler;

    @Inject
    PolicyStore store;

    @Inject
    Outbox outbox;

    @Inject
    AfterCommit afterCommit;

    @Transactional
    public PolicyViews.Detail draft(String actor, PolicyDocument document) {
        if (PolicyVersion.findById(document.version()) != null) {
            throw ApiProblem.conflict("POLICY_VERSION_EXISTS", "policy version " + document.version()
                    + " exists; versions are immutable, draft a new one");
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
        outbox.append(DirectiveService.TOPIC, DRAFTED, version.version,
                new PolicyDrafted(version.version, validation.valid(), actor));
        return detail(version, validation);
    }

    @Transactional
    public List<PolicyViews.Summary> list() {
        String inForce = store.current().version();
        return PolicyVersion.<PolicyVersion>list("ORDER BY createdAt DESC").stream()
                .map(v -> PolicyViews.Summary.of(v, inForce)).toList();
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
                .map(PolicyViews.Publication::of).toList();
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

    /** Puts a valid version in force; one that was in force before comes back as a rollback. */
    @Transactional
    public PolicyViews.Publication publish(String actor, String version) {
        // publications are serialized, so that "previous" is exact and the log has no ties
        PolicyPublication.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('policy-publication'))")
                .getSingleResult();
        PolicyVersion target = find(version);
        PolicyViews.Validation validation = validation(store.read(target.document));
        if (!validation.valid()) {
            throw ApiProblem.unprocessable("POLICY_INVALID", "policy " + version + " does not validate")
                    .withViolations(validation.errors());
        }
        PolicyPublication newest = PolicyPublication.newest().orElseThrow();
        if (newest.version.equals(version)) {
            throw ApiProblem.conflict("POLICY_ALREADY_IN_FORCE", "policy " + version + " is already in force");
        }
        PolicyVersion.<PolicyVersion>findByIdOptional(newest.version)
                .ifPresent(previous -> previous.status = PolicyVersion.Status.SUPERSEDED);
        boolean rollback = target.status == PolicyVersion.Status.SUPERSEDED;
        target.status = PolicyVersion.Status.PUBLISHED;
        PolicyPublication publication = new PolicyPublication();
        publication.version = version;
        publication.kind = rollback ? PolicyPublication.Kind.ROLLBACK : PolicyPublication.Kind.PUBLISH;
        publication.previousVersion = newest.version;
        publication.publishedBy = actor;
        publication.publishedAt = OffsetDateTime.now(ZoneOffset.UTC);
        publication.persist();
        outbox.append(DirectiveService.TOPIC, PUBLISHED, version,
                new PolicyPublished(version, publication.kind.name(), newest.version, actor));
        afterCommit.run(store::reload); // in force here the moment it commits; other instances follow the event
        return PolicyViews.Publication.of(publication);
    }

    /** Puts back the version that was in force before the current one. */
    @Transactional
    public PolicyViews.Publication rollback(String actor) {
        PolicyPublication newest = PolicyPublication.newest().orElseThrow();
        if (newest.previousVersion == null) {
            throw ApiProblem.conflict("NOTHING_TO_ROLL_BACK", "policy " + newest.version + " is the first published");
        }
        return publish(actor, newest.previousVersion);
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
        return new PolicyViews.Detail(v.version, v.status, v.version.equals(store.current().version()), v.createdBy,
                v.createdAt, store.read(v.document), validation);
    }
}
