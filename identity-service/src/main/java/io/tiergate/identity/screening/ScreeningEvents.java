package io.tiergate.identity.screening;

import io.tiergate.identity.verification.IdentityEvents;
import java.util.List;
import java.util.UUID;

/** The screening events this service publishes on {@link #TOPIC}; see docs/events/identity.md. */
public final class ScreeningEvents {

    public static final String TOPIC = IdentityEvents.TOPIC;
    public static final String HIT = "tiergate.identity.screening.hit";

    private ScreeningEvents() {}

    /** Data of a screening hit: which list entries matched (list data only), and the review case it opened. */
    public record ScreeningHitFound(UUID caseId, String listsVersion, List<Hit> hits) {

        public record Hit(String listId, String entryId, String matchedOn, double score) {
            static Hit of(ScreeningHit hit) {
                return new Hit(hit.listId(), hit.entryId(), hit.matchedOn().name(), hit.score());
            }
        }

        public static ScreeningHitFound of(UUID caseId, String listsVersion, List<ScreeningHit> hits) {
            return new ScreeningHitFound(
                    caseId, listsVersion, hits.stream().map(Hit::of).toList());
        }
    }
}
