package io.tiergate.commons.event;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random (version 4) UUIDs for ids that must be unique but need not be unpredictable: event and decision ids.
 * {@link UUID#randomUUID()} draws from one lock-guarded SecureRandom; on a busy two-core machine a thread preempted
 * while holding that lock stalls every request thread behind it for a scheduling quantum.
 */
public final class EventIds {

    private EventIds() {}

    public static UUID random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
        return new UUID(high, low);
    }
}
