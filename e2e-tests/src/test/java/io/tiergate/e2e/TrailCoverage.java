package io.tiergate.e2e;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** How an audit trail covers a flow's domain events: those it lacks, and those it holds more than once. */
record TrailCoverage(List<UUID> missing, List<UUID> doubled) {

    /** {@code entries}: how many audit entries hold each event id (an id it does not name has none). */
    static TrailCoverage of(Collection<UUID> events, Map<UUID, Integer> entries) {
        List<UUID> missing = events.stream()
                .filter(id -> entries.getOrDefault(id, 0) == 0)
                .sorted()
                .toList();
        List<UUID> doubled = events.stream()
                .filter(id -> entries.getOrDefault(id, 0) > 1)
                .sorted()
                .toList();
        return new TrailCoverage(missing, doubled);
    }
}
