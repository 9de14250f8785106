package io.tiergate.campaign.detection;

import java.nio.ByteBuffer;

/**
 * The prompt families an account works most, in bounded space: a Misra-Gries summary. A family survives only while
 * it holds more than 1/(capacity+1) of the account's prompts, so the one-off prompts of ordinary use wash out and a
 * template worked again and again stays; counts are lower bounds. Each entry also counts its chain-of-thought
 * elicitations and remembers the count at which it was last reported to its family group.
 */
public final class FrequentFamilies {

    private final long[] keys;
    private final int[] counts;
    private final int[] cots;
    private final int[] reported;
    private int size;

    public FrequentFamilies(int capacity) {
        keys = new long[capacity];
        counts = new int[capacity];
        cots = new int[capacity];
        reported = new int[capacity];
    }

    /** Counts one prompt of the family; returns its index, or -1 when it did not (yet) earn a place. */
    public int offer(long key, boolean cot) {
        for (int i = 0; i < size; i++) {
            if (keys[i] == key) {
                counts[i]++;
                if (cot) {
                    cots[i]++;
                }
                return i;
            }
        }
        if (size < keys.length) {
            keys[size] = key;
            counts[size] = 1;
            cots[size] = cot ? 1 : 0;
            reported[size] = 0;
            return size++;
        }
        // full: every count pays one, and what reaches zero leaves
        int kept = 0;
        for (int i = 0; i < size; i++) {
            int c = counts[i] - 1;
            if (c > 0) {
                keys[kept] = keys[i];
                counts[kept] = c;
                cots[kept] = Math.min(cots[i], c);
                reported[kept] = reported[i];
                kept++;
            }
        }
        size = kept;
        return -1;
    }

    public int size() {
        return size;
    }

    public long key(int i) {
        return keys[i];
    }

    public int count(int i) {
        return counts[i];
    }

    public int cots(int i) {
        return cots[i];
    }

    public int reported(int i) {
        return reported[i];
    }

    public void markReported(int i) {
        reported[i] = counts[i];
    }

    /** The keys of up to {@code limit} families with at least {@code minCount} prompts, most worked first. */
    public long[] top(int limit, int minCount) {
        long[] picked = new long[Math.min(limit, size)];
        boolean[] used = new boolean[size];
        int n = 0;
        while (n < picked.length) {
            int best = -1;
            for (int i = 0; i < size; i++) {
                if (!used[i] && counts[i] >= minCount && (best < 0 || counts[i] > counts[best])) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            used[best] = true;
            picked[n++] = keys[best];
        }
        return n == picked.length ? picked : java.util.Arrays.copyOf(picked, n);
    }

    int encodedLength() {
        return 2 + size * 20;
    }

    void write(ByteBuffer out) {
        out.putShort((short) size);
        for (int i = 0; i < size; i++) {
            out.putLong(keys[i]);
            out.putInt(counts[i]);
            out.putInt(cots[i]);
            out.putInt(reported[i]);
        }
    }

    void read(ByteBuffer in) {
        size = Math.min(in.getShort(), keys.length);
        for (int i = 0; i < size; i++) {
            keys[i] = in.getLong();
            counts[i] = in.getInt();
            cots[i] = in.getInt();
            reported[i] = in.getInt();
        }
    }
}
