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
        return new Checkpoint(
                lines[0], Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2]), time);
    }
}
