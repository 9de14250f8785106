package io.tiergate.entitlement.directive;

import io.tiergate.commons.outbox.Outbox;
import io.tiergate.commons.problem.ApiProblem;
import io.tiergate.commons.tx.AfterCommit;
import io.tiergate.entitlement.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Issues and confirms directives. A directive takes effect when a second, different officer confirms it; a platform
 * admin may issue one alone in an emergency (break-glass): it is in force at once and listed for review.
 */
@ApplicationScoped
public class DirectiveService {

    public static final String ISSUED = "tiergate.entitlement.directive.issued";
    public static final String CONFIRMED = "tiergate.entitlement.directive.confirmed";
    public static final String REVOKED = "tiergate.entitlement.directive.revoked";

    /** Event data: the directive as recorded. */
    public record DirectiveChanged(
            UUID directiveId, String capability, String status, boolean breakGlass, String actor, String reason) {}

    @Inject
    Outbox outbox;

    @Inject
    Topics topics;

    @Inject
    AfterCommit afterCommit;

    @Inject
    ActiveDirectives active;

    @Transactional
    public DirectiveView issue(String actor, boolean platformAdmin, DirectiveRequest request) {
        boolean breakGlass = Boolean.TRUE.equals(request.breakGlass());
        if (breakGlass && !platformAdmin) {
            throw ApiProblem.forbidden("BREAK_GLASS_FORBIDDEN", "only a platform admin may issue a directive alone");
        }
        boolean denyAll = Boolean.TRUE.equals(request.denyAll());
        List<String> allowed = request.allowedNationalities() == null ? List.of() : request.allowedNationalities();
        List<String> deniedJurisdictions =
                request.deniedJurisdictions() == null ? List.of() : request.deniedJurisdictions();
        if (!denyAll && allowed.isEmpty() && deniedJurisdictions.isEmpty()) {
            throw ApiProblem.badRequest(
                    "DIRECTIVE_WITHOUT_RESTRICTION", "give allowedNationalities, deniedJurisdictions or denyAll");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw ApiProblem.badRequest("EXPIRY_IN_PAST", "expiresAt must lie in the future");
        }
        Directive directive = new Directive();
        directive.id = UUID.randomUUID();
        directive.capability = request.capability();
        directive.allowedNationalities = allowed;
        directive.deniedJurisdictions = deniedJurisdictions;
        directive.denyAll = denyAll;
        directive.reason = request.reason().strip();
        directive.expiresAt = request.expiresAt();
        directive.breakGlass = breakGlass;
        directive.status = breakGlass ? Directive.Status.ACTIVE : Directive.Status.PENDING;
        directive.issuedBy = actor;
        directive.issuedAt = now;
        directive.persist();
        announce(directive, ISSUED, actor);
        return DirectiveView.of(directive);
    }

    @Transactional
    public DirectiveView confirm(String officer, UUID id) {
        Directive directive = Directive.<Directive>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ApiProblem.notFound("DIRECTIVE_NOT_FOUND", "no directive " + id));
        if (directive.status != Directive.Status.PENDING) {
            throw ApiProblem.conflict("DIRECTIVE_NOT_PENDING", "directive " + id + " is " + directive.status);
        }
        if (officer.equals(directive.issuedBy)) {
            throw ApiProblem.forbidden("CONFIRMER_IS_ISSUER", "a second, different officer confirms a directive");
        }
        directive.status = Directive.Status.ACTIVE;
        directive.confirmedBy = officer;
        directive.confirmedAt = OffsetDateTime.now(ZoneOffset.UTC);
        announce(directive, CONFIRMED, officer);
        return DirectiveView.of(directive);
    }

    /** Lifts a directive (any officer or admin: lifting a restriction early is logged, and reviewed like any other). */
    @Transactional
    public DirectiveView revoke(String actor, UUID id) {
        Directive directive = Directive.<Directive>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ApiProblem.notFound("DIRECTIVE_NOT_FOUND", "no directive " + id));
        if (directive.status == Directive.Status.REVOKED) {
            throw ApiProblem.conflict("DIRECTIVE_NOT_ACTIVE", "directive " + id + " is already revoked");
        }
        directive.status = Directive.Status.REVOKED;
        announce(directive, REVOKED, actor);
        return DirectiveView.of(directive);
    }

    private void announce(Directive directive, String type, String actor) {
        outbox.append(
                topics.entitlement(),
                type,
                directive.id.toString(),
                new DirectiveChanged(
                        directive.id,
                        directive.capability,
                        directive.status.name(),
                        directive.breakGlass,
                        actor,
                        directive.reason));
        afterCommit.run(active::reload); // in force here the moment it commits; other instances follow the event
    }
}
