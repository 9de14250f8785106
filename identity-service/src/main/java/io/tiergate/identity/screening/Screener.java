package io.tiergate.identity.screening;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/** Screens people and organizations against the current lists; a hit at or above the threshold goes to review. */
@ApplicationScoped
public class Screener {

    @Inject
    SanctionsLists lists;

    @ConfigProperty(name = "tiergate.screening.review-threshold", defaultValue = "0.88")
    double threshold;

    public List<ScreeningHit> screen(ScreeningQuery query) {
        return lists.index().screen(query, threshold);
    }

    public String listsVersion() {
        return lists.index().version();
    }
}
