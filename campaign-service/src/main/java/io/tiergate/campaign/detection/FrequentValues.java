package io.tiergate.campaign.detection;

import java.nio.ByteBuffer;

/**
 * The values an account shows most often for one attribute (network prefix, AS number, device, payment
 * fingerprint, user agent), in a few slots: a Misra-Gries summary, so a proxy pool's rotation never grows it.
 */
public final class FrequentValues {

    private final String[] values;
    private final int[] counts;
    private int size;

    public FrequentValues(int capacity) {
        values = new String[capacity];
        counts = new int[capacity];
    }

    public void offer(String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        for (int i = 0; i < size; i++) {
            if (values[i].equals(value)) {
                counts[i]++;
                return;
            }
        }
        if (size < values.length) {
            values[size] = value;
            counts[size++] = 1;
            return;
        }
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (counts[i] > 1) {
                values[kept] = values[i];
                counts[kept++] = counts[i] - 1;
            }
        }
        for (int i = kept; i < size; i++) {
            values[i] = null;
        }
        size = kept;
    }

    /** The most frequent value, or null when none was seen. */
    public String top() {
        int best = -1;
        for (int i = 0; i < size; i++) {
            if (best < 0 || counts[i] > counts[best]) {
                best = i;
            }
        }
        return best < 0 ? null : values[best];
    }

    int size() {
        return size;
    }

    String value(int i) {
        return values[i];
    }

    int count(int i) {
        return counts[i];
    }

    int encodedLength() {
        int n = 1;
        for (int i = 0; i < size; i++) {
            n += Texts.encodedLength(values[i]) + 4;
        }
        return n;
    }

    void write(ByteBuffer out) {
        out.put((byte) size);
        for (int i = 0; i < size; i++) {
            Texts.write(out, values[i]);
            out.putInt(counts[i]);
        }
    }

    void read(ByteBuffer in) {
        size = Math.min(in.get(), values.length);
        for (int i = 0; i < size; i++) {
            values[i] = Texts.read(in);
            counts[i] = in.getInt();
        }
    }
}
