package io.tiergate.identity.screening.lists;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a sanctions or denied-party list, normalized across formats.
 *
 * @param listId        the list it came from, as the caller named it when loading
 * @param entryId       the list's own id of the entry (OFAC uid / ent_num, UN DATAID, EU logicalId, OFSI Group ID,
 *                      OpenSanctions id)
 * @param name          the primary name, given names first where the source splits them
 * @param aliases       other names, including names in the original script; never the primary name again
 * @param datesOfBirth  ISO {@code yyyy-MM-dd}, or {@code yyyy-MM}, or {@code yyyy} when only partly known
 * @param nationalities ISO 3166-1 alpha-2, upper case: nationalities and citizenships of a person; for the other
 *                      kinds the countries of registration, address or flag the source gives
 * @param identifiers   passport, national id and registration numbers, as given, trimmed
 * @param programs      the sanctions programmes or regimes the entry is listed under
 */
public record ListEntry(
        String listId,
        String entryId,
        EntryKind kind,
        String name,
        List<String> aliases,
        List<String> datesOfBirth,
        List<String> nationalities,
        List<String> identifiers,
        List<String> programs) {

    public ListEntry {
        Objects.requireNonNull(listId, "listId");
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        aliases = copy(aliases);
        datesOfBirth = copy(datesOfBirth);
        nationalities = copy(nationalities);
        identifiers = copy(identifiers);
        programs = copy(programs);
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
