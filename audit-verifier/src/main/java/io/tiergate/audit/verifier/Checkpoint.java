package io.tiergate.audit.verifier;

import java.util.Base64;

/**
 * A C2SP tlog checkpoint body (https://c2sp.org/tlog-checkpoint): origin, tree size, base64 root hash,
 * then extension lines (Tiergate adds the time it was made).
 */
public record Checkpoint(String origin, long treeSize, byte[] rootHash, String time) {

    public String body() {
        return origin + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n"
                + (time == null ? "" : "time " + time + "\n");
    }

    public static Checkpoint parse(String body) {
        String[] lines = body.split("\n");
        if (lines.length < 3) {
            throw new IllegalArgumentException("a checkpoint has at least origin, size and root");
        }
        String time = lines.length > 3 && lines[3].startsWith("time ") ? lines[3].substring(5) : null;
        long treeSize = Long.parseLong(lines[1]);
        byte[] root = Base64.getDecoder().decode(lines[2]);
        // a root is a SHA-256 (RFC 6962); an empty one parsed, then printed as a body that did not (found by fuzzing)
        if (lines[0].isEmpty() || treeSize < 0 || root.length != 32) {
            throw new IllegalArgumentException("a checkpoint names its origin, a size of 0 or more and a 32-byte root");
        }
        return new Checkpoint(lines[0], treeSize, root, time);
    }
}
