package io.tiergate.campaign.detection;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

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

    void write(DataOutput out) throws IOException {
        out.writeByte(size);
        for (int i = 0; i < size; i++) {
            out.writeUTF(values[i]);
            out.writeInt(counts[i]);
        }
    }

    void read(DataInput in) throws IOException {
        size = Math.min(in.readByte(), values.length);
        for (int i = 0; i < size; i++) {
            values[i] = in.readUTF();
            counts[i] = in.readInt();
        }
    }
}
