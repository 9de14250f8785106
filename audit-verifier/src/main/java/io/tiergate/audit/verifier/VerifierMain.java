package io.tiergate.audit.verifier;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar audit-verifier.jar EXPORT.jsonl VERIFIER_KEY}: verifies an audit export offline.
 * Exit 0 when it verifies; 1 with the first entry index that does not; 2 on bad usage.
 */
public final class VerifierMain {

    private VerifierMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || args[0].startsWith("-")) {
            System.err.println("usage: java -jar audit-verifier.jar EXPORT.jsonl VERIFIER_KEY");
            System.err.println("  VERIFIER_KEY is name+keyhash+base64key, as GET /v1/log-key returns it");
            System.exit(2);
        }
        long started = System.nanoTime();
        ExportVerifier.Result result;
        try (BufferedReader export = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            result = ExportVerifier.verify(export, args[1]);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (result.valid()) {
            System.out.printf("OK: %s (%.2f s)%n", result.message(), seconds);
            System.exit(0);
        }
        if (result.firstInvalidIndex() != null) {
            System.out.printf("FAILED at index %d: %s%n", result.firstInvalidIndex(), result.message());
        } else {
            System.out.printf("FAILED: %s%n", result.message());
        }
        System.exit(1);
    }
}
