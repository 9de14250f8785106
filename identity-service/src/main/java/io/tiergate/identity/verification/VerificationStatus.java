package io.tiergate.identity.verification;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A case's states and the only transitions allowed between them:
 * SUBMITTED → SCREENING → (VERIFIED | IN_REVIEW | REJECTED); IN_REVIEW → (VERIFIED | REJECTED);
 * VERIFIED → (EXPIRED | REVOKED).
 */
public enum VerificationStatus {
    SUBMITTED,
    SCREENING,
    VERIFIED,
    IN_REVIEW,
    REJECTED,
    EXPIRED,
    REVOKED;

    private static final Map<VerificationStatus, Set<VerificationStatus>> NEXT = Map.of(
            SUBMITTED, EnumSet.of(SCREENING),
            SCREENING, EnumSet.of(VERIFIED, IN_REVIEW, REJECTED),
            IN_REVIEW, EnumSet.of(VERIFIED, REJECTED),
            VERIFIED, EnumSet.of(EXPIRED, REVOKED));

    public boolean canMoveTo(VerificationStatus next) {
        return NEXT.getOrDefault(this, Set.of()).contains(next);
    }
}
