package io.tiergate.identity.screening;

import java.util.List;

/**
 * A list entry that matched, explained: which entry, which of its names (the primary name or an alias) or which
 * identifier, how similar the names were, how date of birth and nationality moved the score, and the final score.
 */
public record ScreeningHit(String listId, String entryId, String entryName, String matchedName, MatchedOn matchedOn,
                           double nameScore, double score, List<String> fields) {

    public enum MatchedOn { NAME, ALIAS, IDENTIFIER }
}
