package io.tiergate.audit.verifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Verifies an export (JSON Lines, see docs/audit.md) against a verifier key: the checkpoint's signature,
 * every entry's leaf hash, and that the leaves with the boundary nodes produce the signed root.
 * Reports the first entry index that does not verify.
 */
public final class ExportVerifier {

    public static final String FORMAT = "tiergate-audit-export/1";
    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*(\"([^\"]*)\"|(-?\\d+))");

    public record Result(boolean valid, long entries, Long firstInvalidIndex, String message) {
    }

    private ExportVerifier() {
    }

    public static Result verify(BufferedReader export, String verifierKey) throws IOException {
        Map<String, String> header = fields(export.readLine());
        if (!FORMAT.equals(header.get("format"))) {
            return new Result(false, 0, null, "not a " + FORMAT + " export");
        }
        String note = new String(Base64.getDecoder().decode(header.get("checkpoint")), StandardCharsets.UTF_8);
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.parse(SignedNote.verify(note, verifierKey));
        } catch (IllegalArgumentException e) {
            return new Result(false, 0, null, "checkpoint rejected: " + e.getMessage());
        }
        long from = Long.parseLong(header.get("from"));
        long to = Long.parseLong(header.get("to"));
        if (from < 0 || from > to || to > checkpoint.treeSize()) {
            return new Result(false, 0, null, "range [" + from + ", " + to + ") is not inside the checkpoint");
        }
        Map<Long, byte[]> leaves = new HashMap<>();
        Map<String, byte[]> boundary = new HashMap<>();
        Long firstInvalid = null;
        String reason = null;
        long expected = from;
        String line;
        while ((line = export.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, String> record = fields(line);
            if (record.containsKey("start")) {
                boundary.put(record.get("start") + "-" + record.get("end"), decode(record.get("hash")));
                continue;
            }
            long index = Long.parseLong(record.get("index"));
            byte[] recorded = decode(record.get("leafHash"));
            if (firstInvalid == null && index != expected) {
                firstInvalid = expected;
                reason = "entry " + expected + " is missing or out of order";
            }
            if (firstInvalid == null && !Arrays.equals(recorded, Rfc6962.leafHash(decode(record.get("entry"))))) {
                firstInvalid = index;
                reason = "entry " + index + " does not match its leaf hash";
            }
            leaves.put(index, recorded);
            expected = index + 1;
        }
        if (firstInvalid == null && expected != to) {
            firstInvalid = expected;
            reason = "entries end at " + expected + ", the export promised " + to;
        }
        if (firstInvalid != null) {
            return new Result(false, leaves.size(), firstInvalid, reason);
        }
        byte[] root;
        try {
            root = treeHash(0, checkpoint.treeSize(), leaves, boundary);
        } catch (IllegalStateException e) {
            return new Result(false, leaves.size(), null, e.getMessage());
        }
        if (!Arrays.equals(root, checkpoint.rootHash())) {
            return new Result(false, leaves.size(), null, "the leaves do not produce the signed root of size "
                    + checkpoint.treeSize());
        }
        return new Result(true, leaves.size(), null, "verified " + leaves.size() + " entries against the signed root of size "
                + checkpoint.treeSize());
    }

    /** MTH over [start, end) from exported leaves, or exported boundary subtrees outside the range. */
    static byte[] treeHash(long start, long end, Map<Long, byte[]> leaves, Map<String, byte[]> boundary) {
        byte[] known = boundary.get(start + "-" + end);
        if (known != null) {
            return known;
        }
        if (end - start == 1) {
            byte[] leaf = leaves.get(start);
            if (leaf == null) {
                throw new IllegalStateException("the export lacks leaf " + start + " or a subtree covering it");
            }
            return leaf;
        }
        if (end <= start) {
            return Rfc6962.emptyRoot();
        }
        long k = Long.highestOneBit(end - start - 1);
        return Rfc6962.nodeHash(treeHash(start, start + k, leaves, boundary), treeHash(start + k, end, leaves, boundary));
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64 == null ? "" : base64);
    }

    static Map<String, String> fields(String line) {
        Map<String, String> fields = new HashMap<>();
        if (line == null) {
            return fields;
        }
        Matcher m = FIELD.matcher(line);
        while (m.find()) {
            fields.put(m.group(1), m.group(3) != null ? m.group(3) : m.group(4));
        }
        return fields;
    }
}
