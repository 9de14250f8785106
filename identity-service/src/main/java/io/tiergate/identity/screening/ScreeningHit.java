package io.tiergate.identity.screening;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A list entry that matched, explained: which entry, which of its names (the primary name or an alias) or which
 * identifier, how similar the names were, how date of birth and nationality moved the score, and the final score.
 */
public record ScreeningHit(
        String listId,
        String entryId,
        String entryName,
        String matchedName,
        MatchedOn matchedOn,
        double nameScore,
        double score,
        List<String> fields) {

    public enum MatchedOn {
        NAME,
        ALIAS,
        IDENTIFIER
    }

    /**
     * The hits of {@code hits} whose list entry is not among {@code known}: what a re-screening found that was not
     * there before. The same entry matched again, by another name or with another score, is not new.
     */
    public static List<ScreeningHit> newAmong(List<ScreeningHit> hits, List<ScreeningHit> known) {
        Set<String> seen = known.stream().map(ScreeningHit::entryKey).collect(Collectors.toSet());
        return hits.stream().filter(h -> !seen.contains(h.entryKey())).toList();
    }

    private String entryKey() {
        return listId + "/" + entryId;
    }
}
