import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * Run by the launcher as a single source file (java Ed25519KeyPair.java PRIVATE PUBLIC): writes a new Ed25519 pair for
 * audit-service's checkpoints, the private key as base64 PKCS#8 DER, the public key as base64 X.509 DER.
 */
public class Ed25519KeyPair {
    public static void main(String[] args) throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.writeString(Path.of(args[0]), Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        Files.writeString(Path.of(args[1]), Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
    }
}
