package io.tiergate.audit.verifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Verifies an export (JSON Lines, see docs/audit.md) against a verifier key: the checkpoint's signature,
 * every entry's leaf hash, and that the subtrees before the range, the leaves, and the subtrees after it
 * fold into the signed root. Streams: memory stays O(log n) whatever the export's size. Reports the
 * first entry index that does not verify.
 */
public final class ExportVerifier {

    public static final String FORMAT = "tiergate-audit-export/1";

    public record Result(boolean valid, long entries, Long firstInvalidIndex, String message) {}

    private ExportVerifier() {}

    public static Result verify(BufferedReader export, String verifierKey) throws IOException {
        String headerLine = export.readLine();
        if (headerLine == null || !FORMAT.equals(field(headerLine, "format"))) {
            return new Result(false, 0, null, "not a " + FORMAT + " export");
        }
        Checkpoint checkpoint;
        try {
            String note =
                    new String(Base64.getDecoder().decode(field(headerLine, "checkpoint")), StandardCharsets.UTF_8);
            checkpoint = Checkpoint.parse(SignedNote.verify(note, verifierKey));
        } catch (IllegalArgumentException e) {
            return new Result(false, 0, null, "checkpoint rejected: " + e.getMessage());
        }
        long from = Long.parseLong(field(headerLine, "from"));
        long to = Long.parseLong(field(headerLine, "to"));
        if (from < 0 || from > to || to > checkpoint.treeSize()) {
            return new Result(false, 0, null, "range [" + from + ", " + to + ") is not inside the checkpoint");
        }
        Base64.Decoder b64 = Base64.getDecoder();
        Fold fold = new Fold();
        long entries = 0;
        String line;
        while ((line = export.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            String start = field(line, "start");
            if (start != null) {
                long first = Long.parseLong(start);
                long end = Long.parseLong(field(line, "end"));
                if (first != fold.size || !fold.push(end - first, b64.decode(field(line, "hash")))) {
                    return new Result(false, entries, null, "subtree [" + first + ", " + end + ") is out of place");
                }
                continue;
            }
            long index = Long.parseLong(field(line, "index"));
            if (index != fold.size) {
                return new Result(false, entries, fold.size, "entry " + fold.size + " is missing or out of order");
            }
            byte[] recorded = b64.decode(field(line, "leafHash"));
            if (!Arrays.equals(recorded, Rfc6962.leafHash(b64.decode(field(line, "entry"))))) {
                return new Result(false, entries, index, "entry " + index + " does not match its leaf hash");
            }
            fold.push(1, recorded);
            entries++;
        }
        if (entries != to - from) {
            return new Result(
                    false,
                    entries,
                    from + entries,
                    "entries end at " + (from + entries) + ", the export promised " + to);
        }
        if (fold.size != checkpoint.treeSize() || !Arrays.equals(fold.root(), checkpoint.rootHash())) {
            return new Result(
                    false,
                    entries,
                    null,
                    "the entries do not produce the signed root of size " + checkpoint.treeSize());
        }
        return new Result(
                true,
                entries,
                null,
                "verified " + entries + " entries against the signed root of size " + checkpoint.treeSize());
    }

    /**
     * Folds aligned perfect subtrees, left to right, into the RFC 6962 tree: equal neighbours merge, and
     * the root folds what is left from the right.
     */
    static final class Fold {
        long size;
        private final List<long[]> sizes = new ArrayList<>();
        private final List<byte[]> hashes = new ArrayList<>();

        /** False when the subtree is not a power of two aligned at the current size. */
        boolean push(long subtreeSize, byte[] hash) {
            if (Long.bitCount(subtreeSize) != 1 || size % subtreeSize != 0) {
                return false;
            }
            long merged = subtreeSize;
            byte[] h = hash;
            while (!sizes.isEmpty() && sizes.get(sizes.size() - 1)[0] == merged) {
                sizes.remove(sizes.size() - 1);
                h = Rfc6962.nodeHash(hashes.remove(hashes.size() - 1), h);
                merged *= 2;
            }
            sizes.add(new long[] {merged});
            hashes.add(h);
            size += subtreeSize;
            return true;
        }

        byte[] root() {
            if (hashes.isEmpty()) {
                return Rfc6962.emptyRoot();
            }
            byte[] root = hashes.get(hashes.size() - 1);
            for (int i = hashes.size() - 2; i >= 0; i--) {
                root = Rfc6962.nodeHash(hashes.get(i), root);
            }
            return root;
        }
    }

    /** The value of a top-level string or number field of one of our own export lines. */
    static String field(String line, String name) {
        String key = "\"" + name + "\":";
        int at = line.indexOf(key);
        if (at < 0) {
            return null;
        }
        int start = at + key.length();
        if (line.charAt(start) == '"') {
            return line.substring(start + 1, line.indexOf('"', start + 1));
        }
        int end = start;
        while (end < line.length() && (Character.isDigit(line.charAt(end)) || line.charAt(end) == '-')) {
            end++;
        }
        return line.substring(start, end);
    }
}
