package io.tiergate.identity.screening;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Screens people and organizations against the current lists; a hit at or above the threshold goes to review. */
@ApplicationScoped
public class Screener {

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
