package io.tiergate.entitlement.decision;

/** Why a decision went as it did: a stable code the gateway can switch on, a message for people. */
public record Reason(String code, String message) {

    public static final String ENTITLED = "ENTITLED";
    public static final String UNKNOWN_CAPABILITY = "UNKNOWN_CAPABILITY";
    public static final String UNKNOWN_SUBJECT = "UNKNOWN_SUBJECT";
    public static final String IDENTITY_NOT_VERIFIED = "IDENTITY_NOT_VERIFIED";
    public static final String NO_ACTIVE_TIER = "NO_ACTIVE_TIER";
    public static final String TIER_NOT_ENTITLED = "TIER_NOT_ENTITLED";
    public static final String NATIONALITY_DENIED = "NATIONALITY_DENIED";
    public static final String NATIONALITY_NOT_ALLOWED = "NATIONALITY_NOT_ALLOWED";
    public static final String RESIDENCE_DENIED = "RESIDENCE_DENIED";
    public static final String RESIDENCE_NOT_ALLOWED = "RESIDENCE_NOT_ALLOWED";
    public static final String VERIFICATION_TOO_OLD = "VERIFICATION_TOO_OLD";
    public static final String JURISDICTION_REQUIRED = "JURISDICTION_REQUIRED";
    public static final String JURISDICTION_DENIED = "JURISDICTION_DENIED";
    public static final String JURISDICTION_NOT_ALLOWED = "JURISDICTION_NOT_ALLOWED";
    public static final String JURISDICTION_MISMATCH = "JURISDICTION_MISMATCH";
    public static final String HOSTING_NETWORK = "HOSTING_NETWORK";
    public static final String BUDGET_EXHAUSTED = "BUDGET_EXHAUSTED";
    public static final String PROJECTION_BEHIND = "PROJECTION_BEHIND";
    public static final String PROJECTION_STALE = "PROJECTION_STALE";
    public static final String DIRECTIVE_DENIED = "DIRECTIVE_DENIED";
    public static final String CAMPAIGN_CONTAINED = "CAMPAIGN_CONTAINED";
}
