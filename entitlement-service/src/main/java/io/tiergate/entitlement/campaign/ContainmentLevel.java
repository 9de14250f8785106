package io.tiergate.entitlement.campaign;

/** How hard campaign-service contains an account, mildest first (the order is the severity). */
public enum ContainmentLevel {
    /** allowed, with an obligation for the gateway to throttle */
    THROTTLE,
    /** denied until the account verifies again */
    STEP_UP,
    /** denied */
    DENY;

    public static final String THROTTLE_OBLIGATION = "campaign-throttle";
    public static final String STEP_UP_OBLIGATION = "step-up-verification";

    /** Whether a decision is refused outright at this level. */
    public boolean denies() {
        return this != THROTTLE;
    }
}
