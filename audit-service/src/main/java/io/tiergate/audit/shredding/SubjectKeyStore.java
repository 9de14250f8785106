package io.tiergate.audit.shredding;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where per-subject data keys live, apart from the log. The seam a deployment replaces with its KMS or
 * HSM; the built-in store keeps them in PostgreSQL, wrapped by a configured key-encryption key.
 */
public interface SubjectKeyStore {

    /** The subject's key if it has one; empty before their first event and after their erasure. */
    Optional<byte[]> keyFor(String subject);

    /** Keys of many subjects at once (one round trip), created where missing; erased subjects map to empty. */
    Map<String, Optional<byte[]>> keysFor(Set<String> subjects);

    /** Destroys the subject's key; returns false if there was none. */
    boolean destroy(String subject, String requestedBy);

    boolean isErased(String subject);
}
