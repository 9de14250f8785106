package io.tiergate.console.review;

import java.time.Duration;

/** A case's age in the queue, as an officer reads it: "3 d 4 h", "2 h 10 min", "5 min". */
public final class Ages {

    private Ages() {}

    public static String of(Duration age) {
        if (age.isNegative()) {
            return "0 min";
        }
        long days = age.toDays();
        long hours = age.toHoursPart();
        long minutes = age.toMinutesPart();
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + minutes + " min";
        }
        return minutes + " min";
    }
}
