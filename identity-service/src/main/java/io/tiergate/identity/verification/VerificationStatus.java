package io.tiergate.identity.verification;

public enum VerificationStatus {
    SUBMITTED, VERIFIED, REJECTED
}
