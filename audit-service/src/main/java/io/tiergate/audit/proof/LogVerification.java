package io.tiergate.audit.proof;

/**
 * The outcome of walking the whole log: valid, or the first index that does not verify (a missing,
 * altered or moved entry) or, when every entry holds, the stored tree or checkpoint that does not.
 */
public record LogVerification(
        boolean valid, long entries, long checkpointSize, Long firstInvalidIndex, String problem) {}
