package io.tiergate.identity.screening;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Screens people and organizations against the current lists; a hit at or above the threshold goes to review. */
@ApplicationScoped
public class Screener {

    /** The reason code of a person or organization sent to review by a hit. */
    public static final String SCREENING_HIT = "SCREENING_HIT";

    @Inject
    SanctionsLists lists;

    @Inject
    ScreeningConfig config;

    public List<ScreeningHit> screen(ScreeningQuery query) {
        return lists.index().screen(query, config.reviewThreshold());
    }

    public String listsVersion() {
        return lists.index().version();
    }
}
