package io.tiergate.identity.screening.lists;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Collects one entry while a loader reads it: values are trimmed, blanks and repeats dropped, first seen first.
 * Countries go through {@link CountryCodes} and dates arrive already normalized, so an unknown country or an
 * unreadable date is simply not added.
 */
final class EntryBuilder {

    private final String listId;
    private String entryId;
    private EntryKind kind = EntryKind.OTHER;
    private String name;
    private final Set<String> aliases = new LinkedHashSet<>();
    private final Set<String> datesOfBirth = new LinkedHashSet<>();
    private final Set<String> nationalities = new LinkedHashSet<>();
    private final Set<String> identifiers = new LinkedHashSet<>();
    private final Set<String> programs = new LinkedHashSet<>();

    EntryBuilder(String listId) {
        this.listId = listId;
    }

    EntryBuilder entryId(String id) {
        if (!isBlank(id)) {
            entryId = id.strip();
        }
        return this;
    }

    EntryBuilder kind(EntryKind value) {
        kind = value;
        return this;
    }

    EntryKind kind() {
        return kind;
    }

    boolean hasName() {
        return name != null;
    }

    /** The first name given is the name; any later one becomes an alias. */
    EntryBuilder name(String value) {
        if (isBlank(value)) {
            return this;
        }
        if (name == null) {
            name = collapse(value);
            aliases.remove(name);
        } else {
            alias(value);
        }
        return this;
    }

    EntryBuilder alias(String value) {
        if (!isBlank(value)) {
            String alias = collapse(value);
            if (!alias.equals(name)) {
                aliases.add(alias);
            }
        }
        return this;
    }

    EntryBuilder dateOfBirth(Optional<String> isoDate) {
        isoDate.ifPresent(datesOfBirth::add);
        return this;
    }

    /** A country name or code; one that cannot be mapped to ISO 3166-1 alpha-2 is left out. */
    EntryBuilder nationality(String country) {
        CountryCodes.toAlpha2(country).ifPresent(nationalities::add);
        return this;
    }

    EntryBuilder identifier(String value) {
        if (!isBlank(value)) {
            identifiers.add(value.strip());
        }
        return this;
    }

    EntryBuilder program(String value) {
        if (!isBlank(value)) {
            programs.add(value.strip());
        }
        return this;
    }

    /** The entry, or empty when the source gave it no id or no name: such an entry cannot be screened or cited. */
    Optional<ListEntry> build() {
        if (entryId == null || name == null) {
            return Optional.empty();
        }
        return Optional.of(new ListEntry(
                listId,
                entryId,
                kind,
                name,
                new ArrayList<>(aliases),
                new ArrayList<>(datesOfBirth),
                new ArrayList<>(nationalities),
                new ArrayList<>(identifiers),
                new ArrayList<>(programs)));
    }

    /** Joins name parts with single spaces, skipping blank and null parts: ("Ivan", null, "SIDOROV"). */
    static String joinName(String... parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            if (!isBlank(part)) {
                joined.append(joined.length() == 0 ? "" : " ").append(part.strip());
            }
        }
        return joined.toString();
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String collapse(String value) {
        return value.strip().replaceAll("\\s+", " ");
    }
}
