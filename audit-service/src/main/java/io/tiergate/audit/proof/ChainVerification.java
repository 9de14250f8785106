package io.tiergate.audit.proof;

/** The result of recomputing the whole chain: valid, or the first record whose hash does not hold. */
public record ChainVerification(boolean valid, long records, String headHash, Long firstInvalidSeq) {
}
