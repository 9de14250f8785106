package io.tiergate.identity.verification;

/**
 * Why a case exists, shown to the reviewing officer and stored by name in {@code verification_case.kind}: the
 * customer submitted it, or a list change found a new hit on a verified customer.
 */
public enum ReviewKind {
    /** The customer submitted it. */
    ONBOARDING,
    /** A list change found a new hit on a verified customer; confirming it revokes their verification. */
    RESCREENING
}
