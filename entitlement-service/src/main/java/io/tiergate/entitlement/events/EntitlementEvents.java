package io.tiergate.entitlement.events;

/**
 * The in-process signal that entitlement-service announced one of its own state changes, policy and directives
 * alike, on {@link Topics#entitlement()} (see docs/events/). A home of their own, depending on nothing else
 * here, so that neither policy nor directives depend on the other for them; the event types stay with their owners
 * (PolicyService, DirectiveService).
 */
public final class EntitlementEvents {

    private EntitlementEvents() {}

    /**
     * Fired (a CDI event) when a change is announced on {@link Topics#entitlement()}: each in-memory copy of what the database
     * holds, the directives in force and the policy in force, observes it and reads the truth again.
     */
    public record Changed() {
        static final Changed ANNOUNCED = new Changed();
    }
}
