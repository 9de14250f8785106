package io.tiergate.e2e;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Whether entitlement-service's projection of each subject says what its sources hold. */
final class ProjectionAgreement {

    private ProjectionAgreement() {}

    /**
     * The subjects whose projection row is absent or differs from identity-service's latest case or from
     * tier-service's live grants (id to tier), each with what differs.
     */
    static List<String> disagreements(
            Collection<String> subjects,
            Map<String, PlatformRecords.IdentityState> identities,
            Map<String, Map<String, String>> grants,
            Map<String, PlatformRecords.Projected> projected) {
        List<String> wrong = new ArrayList<>();
        for (String subject : subjects) {
            PlatformRecords.Projected row = projected.get(subject);
            PlatformRecords.IdentityState identity = identities.get(subject);
            Map<String, String> live = grants.getOrDefault(subject, Map.of());
            if (row == null) {
                wrong.add(subject + ": not projected (identity " + identity + ", grants " + live + ")");
            } else if (!row.identity().equals(identity)) {
                wrong.add(subject + ": identity " + row.identity() + " projected, " + identity + " at the source");
            } else if (!row.activeGrants().equals(live)) {
                wrong.add(subject + ": grants " + row.activeGrants() + " projected, " + live + " at tier-service");
            }
        }
        return wrong;
    }
}
