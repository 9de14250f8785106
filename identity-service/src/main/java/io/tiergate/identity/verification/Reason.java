package io.tiergate.identity.verification;

/** Why a verification ended as it did: a stable code for machines, a message for people. */
public record Reason(String code, String message) {}
