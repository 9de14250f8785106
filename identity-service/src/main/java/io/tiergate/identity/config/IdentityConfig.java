package io.tiergate.identity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * identity-service's own settings, under {@code tiergate.identity}: its keys, and how long a verification holds. The
 * keys are optional here so that a missing one is reported by {@link IdentitySecrets} at startup, naming its variable.
 */
@ConfigMapping(prefix = "tiergate.identity")
public interface IdentityConfig {

    /** HMAC-SHA256 key of identity fingerprints (document numbers, emails, phones): 32 bytes or more, base64. */
    Optional<String> fingerprintKey();

    /** The active AES-256-GCM key of personal data at rest, 32 bytes, base64 (read by {@code PiiCipher}). */
    Optional<String> piiKey();

    /** The active key's id, stored with every value it seals; a new key gets a new id. */
    @WithDefault("k1")
    String piiKeyId();

    /** Keys that only open, during a rotation: {@code id=base64,id=base64}. Remove one once no row is under it. */
    Optional<String> piiRetiredKeys();

    /** How often values under retired keys are looked for and resealed under the active key ({@code PiiRotation}). */
    @WithDefault("60s")
    String piiRotationInterval();

    /** A verification is valid this long; then it expires and the customer verifies again. */
    @WithDefault("P365D")
    Duration verificationValidity();

    /** How often expired verifications are looked for (a Quarkus scheduler period; {@code VerificationExpiry}). */
    @WithDefault("60s")
    String expiryInterval();
}
