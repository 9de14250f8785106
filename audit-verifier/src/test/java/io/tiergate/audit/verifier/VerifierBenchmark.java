package io.tiergate.audit.verifier;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Benchmark, not a test: writes a signed export of N entries (default 1,000,000) shaped like the log's,
 * then times the offline verifier on it and prints the figures. Goal: 1M entries in 10 s or less.
 * Run: ./mvnw -pl audit-verifier test-compile exec... or see docs/performance.md.
 */
public final class VerifierBenchmark {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path export = Files.createTempFile("audit-export", ".jsonl");
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String origin = "bench.local/audit";
        long writeStart = System.nanoTime();
        List<byte[]> right = new ArrayList<>(); // compact range of the leaves, to sign the root
        long size = 0;
        Base64.Encoder b64 = Base64.getEncoder();
        StringBuilder body = new StringBuilder();
        try (BufferedWriter out = Files.newBufferedWriter(export, StandardCharsets.UTF_8)) {
            out.write("{\"format\":\"" + ExportVerifier.FORMAT + "\",\"treeSize\":" + n + ",\"from\":0,\"to\":" + n
                    + ",\"checkpoint\":\"PLACEHOLDER\"}\n");
            for (int i = 0; i < n; i++) {
                byte[] entry = ("{\"event\":{\"id\":\"" + i
                                + "\",\"type\":\"tiergate.usage.reported\",\"data\":{\"alg\":\"A256GCM\","
                                + "\"ciphertext\":\"" + "x".repeat(120) + "\"}},\"topic\":\"tiergate.usage\"}")
                        .getBytes(StandardCharsets.UTF_8);
                byte[] leaf = Rfc6962.leafHash(entry);
                out.write("{\"index\":" + i + ",\"leafHash\":\"" + b64.encodeToString(leaf) + "\",\"entry\":\""
                        + b64.encodeToString(entry) + "\"}\n");
                long index = size;
                byte[] hash = leaf;
                while ((index & 1) == 1) {
                    hash = Rfc6962.nodeHash(right.remove(right.size() - 1), hash);
                    index >>= 1;
                }
                right.add(hash);
                size++;
            }
        }
        byte[] root = right.get(right.size() - 1);
        for (int i = right.size() - 2; i >= 0; i--) {
            root = Rfc6962.nodeHash(right.get(i), root);
        }
        String checkpointBody = new Checkpoint(origin, n, root, "2026-11-23T00:00:00Z").body();
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(checkpointBody.getBytes(StandardCharsets.UTF_8));
        byte[] publicKey = Ed25519Keys.encode(keys.getPublic());
        byte[] signed = new byte[68];
        System.arraycopy(SignedNote.keyHash(origin, publicKey), 0, signed, 0, 4);
        System.arraycopy(signer.sign(), 0, signed, 4, 64);
        String note = checkpointBody + "\n\u2014 " + origin + " " + b64.encodeToString(signed) + "\n";
        Path finished = Files.createTempFile("audit-export", ".jsonl");
        try (BufferedReader in = Files.newBufferedReader(export);
                BufferedWriter out = Files.newBufferedWriter(finished)) {
            out.write(in.readLine().replace("PLACEHOLDER", b64.encodeToString(note.getBytes(StandardCharsets.UTF_8))));
            out.write("\n");
            in.transferTo(out);
        }
        double writeSeconds = (System.nanoTime() - writeStart) / 1e9;

        long verifyStart = System.nanoTime();
        ExportVerifier.Result result;
        try (BufferedReader in = Files.newBufferedReader(finished, StandardCharsets.UTF_8)) {
            result = ExportVerifier.verify(in, SignedNote.verifierKey(origin, publicKey));
        }
        double verifySeconds = (System.nanoTime() - verifyStart) / 1e9;
        System.out.printf(
                "VERIFIER-BENCHMARK entries=%d exportBytes=%d written_in=%.2fs verified_in=%.2fs "
                        + "rate=%.0f entries/s valid=%s (%s)%n",
                n,
                Files.size(finished),
                writeSeconds,
                verifySeconds,
                n / verifySeconds,
                result.valid(),
                result.message());
        Files.deleteIfExists(export);
        Files.deleteIfExists(finished);
        if (!result.valid()) {
            System.exit(1);
        }
    }
}
