package io.tiergate.entitlement.directive;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.tiergate.entitlement.events.EntitlementEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The directives in force, in memory, read by every decision. The database is the truth: this copy is reloaded
 * at start, right after a change commits here, and whenever an instance announces a change on
 * {@code tiergate.entitlement} ({@link EntitlementEvents.Changed}), so a directive takes effect everywhere within the
 * time it takes Kafka to deliver one event.
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

    void onAnnouncedChange(@Observes EntitlementEvents.Changed ignored) {
        reload();
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

    /** Whether any directive is in force: without one, a decision asks no more of them. */
    public boolean inForce() {
        return !rules.get().isEmpty();
    }

    /**
     * Why each directive in force on this capability refuses this subject and request, one message per directive;
     * decisions give each as a {@code DIRECTIVE_DENIED} reason.
     */
    public List<String> refusals(String capability, Set<String> nationalities, Set<String> jurisdictions) {
        List<Rule> current = rules.get();
        if (current.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC); // compared as instants; no default zone to clone
        List<String> refusals = new ArrayList<>();
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
                refusals.add("directive " + rule.id() + ": " + capability + " " + refusal + " (" + rule.reason() + ")");
            }
        }
        return refusals;
    }
}
