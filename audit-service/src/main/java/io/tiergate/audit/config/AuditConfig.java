package io.tiergate.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "tiergate.audit")
/** The audit log's settings: its name and signing key, checkpoint cadence, self-check, shredding key. */
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
}
