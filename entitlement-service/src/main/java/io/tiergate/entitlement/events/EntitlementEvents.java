package io.tiergate.entitlement.events;

/**
 * The topic on which entitlement-service announces its own state changes, policy and directives alike (see
 * docs/events/), and the in-process signal that one was announced. A home of their own, depending on nothing else
 * here, so that neither policy nor directives depend on the other for them; the event types stay with their owners
 * (PolicyService, DirectiveService).
 */
public final class EntitlementEvents {

    public static final String TOPIC = "tiergate.entitlement";

    private EntitlementEvents() {}

    /**
     * Fired (a CDI event) when a change is announced on {@link #TOPIC}: each in-memory copy of what the database
     * holds, the directives in force and the policy in force, observes it and reads the truth again.
     */
    public record Changed() {
        static final Changed ANNOUNCED = new Changed();
    }
}
