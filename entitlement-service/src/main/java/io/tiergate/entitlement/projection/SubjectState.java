package io.tiergate.entitlement.projection;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the decision engine knows of one subject, immutable so that a decision reads one consistent
 * snapshot. {@code appliedVersions} holds the highest version applied per producing service.
 */
public record SubjectState(String subject, String identityStatus, Set<String> nationalities, String residenceCountry,
                           OffsetDateTime verifiedAt, Map<String, String> activeGrants, Map<String, Long> appliedVersions) {

    public static final String VERIFIED = "VERIFIED";

    public boolean isVerified() {
        return VERIFIED.equals(identityStatus);
    }

    public Set<String> activeTiers() {
        return new TreeSet<>(activeGrants.values());
    }

    public long appliedVersion(String source) {
        return appliedVersions.getOrDefault(source, 0L);
    }

    /** True when this state has seen at least everything {@code other} has, from every source. */
    boolean dominates(SubjectState other) {
        return other.appliedVersions.entrySet().stream()
                .allMatch(e -> appliedVersion(e.getKey()) >= e.getValue());
    }
}
