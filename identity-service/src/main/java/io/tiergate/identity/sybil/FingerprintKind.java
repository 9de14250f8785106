package io.tiergate.identity.sybil;

/** What two applicants can share that makes them likely the same person. */
public enum FingerprintKind {
    DOCUMENT,
    EMAIL,
    PHONE,
    DEVICE,
    PAYMENT_INSTRUMENT
}
