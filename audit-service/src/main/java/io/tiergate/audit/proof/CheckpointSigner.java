package io.tiergate.audit.proof;

import io.tiergate.audit.config.AuditConfig;
import io.tiergate.audit.verifier.Checkpoint;
import io.tiergate.audit.verifier.Ed25519Keys;
import io.tiergate.audit.verifier.SignedNote;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Signs checkpoints with the log's Ed25519 key (JDK crypto) as C2SP signed notes. */
@ApplicationScoped
public class CheckpointSigner {

    @Inject
    AuditConfig config;

    private PrivateKey privateKey;
    private byte[] publicKey;

    @PostConstruct
    void loadKeys() {
        try {
            KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
            privateKey = ed25519.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(config.signingKey())));
            PublicKey key = ed25519.generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(config.publicKey())));
            publicKey = Ed25519Keys.encode(key);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("tiergate.audit.signing-key / public-key are not an Ed25519 key pair", e);
        }
        String probe = new Checkpoint(config.origin(), 0, new byte[32], null).body();
        SignedNote.verify(sign(probe), verifierKey()); // fails fast on a mismatched pair
    }

    public String origin() {
        return config.origin();
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    public String verifierKey() {
        return SignedNote.verifierKey(config.origin(), publicKey);
    }

    /** The signed note: body, blank line, one signature line. */
    public String sign(String body) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(body.getBytes(StandardCharsets.UTF_8));
            byte[] signature = signer.sign();
            byte[] line = new byte[4 + signature.length];
            System.arraycopy(SignedNote.keyHash(config.origin(), publicKey), 0, line, 0, 4);
            System.arraycopy(signature, 0, line, 4, signature.length);
            return body + "\n\u2014 " + config.origin() + " "
                    + Base64.getEncoder().encodeToString(line) + "\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign a checkpoint", e);
        }
    }
}
