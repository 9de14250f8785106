package io.tiergate.campaign.stream;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** What this instance's topology has read: records seen and refused, and the latest event time (stream time). */
@ApplicationScoped
public class DetectionProgress {

    private final LongAdder seen = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final AtomicLong streamTime = new AtomicLong();

    void seen(long ts) {
        seen.increment();
        long current;
        while (ts > (current = streamTime.get()) && !streamTime.compareAndSet(current, ts)) {
            // another thread advanced it first; try again against its value
        }
    }

    void rejected() {
        seen.increment();
        rejected.increment();
    }

    public long recordsSeen() {
        return seen.sum();
    }

    public long recordsRejected() {
        return rejected.sum();
    }

    /** Epoch milliseconds of the latest event time seen, 0 before the first record. */
    public long streamTime() {
        return streamTime.get();
    }
}
