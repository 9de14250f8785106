package io.tiergate.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "tiergate.audit")
/** The audit log's settings: its name and signing key, checkpoint cadence, self-check, shredding keys. */
public interface AuditConfig {

    /** The log's name: the first line of every checkpoint and the signer's key name. */
    @WithDefault("tiergate.local/audit")
    String origin();

    /** Ed25519 private key, base64 PKCS#8 DER. The repository's value is for development only. */
    String signingKey();

    /** The matching public key, base64 X.509 SubjectPublicKeyInfo DER. */
    String publicKey();

    /** A checkpoint is made after this many new entries... */
    @WithDefault("1000")
    int checkpointEvery();

    /** ...or this long after the first uncheckpointed entry, whichever comes first. */
    @WithDefault("PT1S")
    Duration checkpointInterval();

    /** How often the self-check walks the whole log (a Quarkus scheduler period such as 5m). */
    @WithDefault("5m")
    String selfCheckInterval();

    /** Wraps the per-subject keys of crypto-shredding: 32 bytes, base64. The repository's value is for development only. */
    String keyEncryptionKey();

    /** The id stored with every subject key the active key-encryption key wraps; changes with each rotation. */
    @WithDefault("k1")
    String keyEncryptionKeyId();

    /** Key-encryption keys that only unwrap, during a rotation: {@code id=base64,...}. */
    Optional<String> retiredKeyEncryptionKeys();

    /** How often subject keys under a retired key-encryption key are rewrapped (a scheduler period; off stops it). */
    @WithDefault("60s")
    String keyRotationInterval();
}
