package io.tiergate.entitlement.directive;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Blocking;
import io.tiergate.entitlement.decision.Reason;
import io.tiergate.entitlement.policy.PolicyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The directives in force, in memory, read by every decision. The database is the truth: this copy is reloaded
 * at start, right after a change commits here, and whenever another instance announces a change on
 * {@code tiergate.entitlement} (each instance reads that topic in a consumer group of its own), so a directive
 * takes effect everywhere within the time it takes Kafka to deliver one event. Policy publications travel the same
 * topic, so the same listener reloads the policy in force.
 */
@ApplicationScoped
public class ActiveDirectives {

    /** A directive as decisions apply it: immutable. */
    record Rule(
            String id,
            Directive match,
            Set<String> allowedNationalities,
            Set<String> deniedJurisdictions,
            boolean denyAll,
            String reason,
            OffsetDateTime expiresAt) {}

    private final AtomicReference<List<Rule>> rules = new AtomicReference<>(List.of());

    void load(@Observes StartupEvent ignored) {
        reload();
    }

    @Inject
    PolicyStore policies;

    @Incoming("directive-events")
    @Blocking
    public void onEntitlementEvent(String ignored) {
        // a directive or a policy changed somewhere: read the truth again (both are few and small)
        reload();
        policies.reload();
    }

    public void reload() {
        List<Directive> active =
                QuarkusTransaction.requiringNew().call(() -> Directive.list("status", Directive.Status.ACTIVE));
        List<Rule> loaded = new ArrayList<>();
        for (Directive d : active) {
            loaded.add(new Rule(
                    d.id.toString(),
                    d,
                    Set.copyOf(d.allowedNationalities),
                    Set.copyOf(d.deniedJurisdictions),
                    d.denyAll,
                    d.reason,
                    d.expiresAt));
        }
        rules.set(List.copyOf(loaded));
    }

    /** The refusals of every directive in force on this capability for this subject and request. */
    public List<Reason> refusals(String capability, Set<String> nationalities, Set<String> jurisdictions) {
        List<Rule> current = rules.get();
        if (current.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = OffsetDateTime.now();
        List<Reason> reasons = new ArrayList<>();
        for (Rule rule : current) {
            if ((rule.expiresAt() != null && !rule.expiresAt().isAfter(now))
                    || !rule.match().matches(capability)) {
                continue;
            }
            String refusal = null;
            if (rule.denyAll()) {
                refusal = "denied for everyone";
            } else if (!rule.allowedNationalities().isEmpty()
                    && Collections.disjoint(rule.allowedNationalities(), nationalities)) {
                refusal = "limited to nationals of " + rule.allowedNationalities();
            } else if (!Collections.disjoint(rule.deniedJurisdictions(), jurisdictions)) {
                refusal = "denied from jurisdictions " + rule.deniedJurisdictions();
            } else if (jurisdictions.isEmpty() && !rule.deniedJurisdictions().isEmpty()) {
                refusal = "jurisdiction-restricted and the request named none";
            }
            if (refusal != null) {
                reasons.add(new Reason(
                        Reason.DIRECTIVE_DENIED,
                        "directive " + rule.id() + ": " + capability + " " + refusal + " (" + rule.reason() + ")"));
            }
        }
        return reasons;
    }
}
