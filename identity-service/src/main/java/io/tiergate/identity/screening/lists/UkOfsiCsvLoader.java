package io.tiergate.identity.screening.lists;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;

/**
 * OFSI's consolidated list of asset freeze targets, {@code ConList.csv} in the 2022 format: a "Last Updated"
 * line, a header row, then one row per name. Rows sharing a {@code Group ID} are one entry: the row whose
 * {@code Alias Type} is "Primary name" gives the name (the first row when none says so), the other rows and
 * {@code Name Non-Latin Script} give aliases. A name is {@code Name 1} to {@code Name 5} then {@code Name 6}, the
 * family name ("Ivan Petrovich SIDOROV"). {@code DOB} is dd/mm/yyyy with 00 for an unknown part; several values
 * in one cell are numbered "(1) Iran (2) Iraq". {@code Group Type} is Individual, Entity or Ship; an entity's or
 * ship's address {@code Country} counts as its nationality. Columns are found by header name, so added or
 * reordered columns do not matter; {@code Name 6} and {@code Group ID} must be there.
 */
public final class UkOfsiCsvLoader implements ListLoader {

    private static final String EXPECTED = "an OFSI consolidated list CSV (ConList.csv): a \"Last Updated\" line,"
            + " then a header row naming \"Name 6\" ... \"Group ID\"";
    /** The header comes second; allow a few more lines before it, in case OFSI adds a banner. */
    private static final int HEADER_WITHIN = 5;

    private static final String[] NAME_COLUMNS = {"Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name 6"};

    @Override
    public List<ListEntry> load(InputStream in, String listId) throws IOException {
        Rows rows = new Rows(listId);
        CsvInput.forEach(in, EXPECTED, rows);
        if (rows.columns == null) {
            throw new IOException("no header row naming \"Name 6\" and \"Group ID\"; expected " + EXPECTED);
        }
        List<ListEntry> entries = new ArrayList<>(rows.groups.size());
        for (Group group : rows.groups.values()) {
            group.build().ifPresent(entries::add);
        }
        return entries;
    }

    static EntryKind kind(String groupType) {
        return switch (groupType.toLowerCase(Locale.ROOT)) {
            case "individual" -> EntryKind.PERSON;
            case "entity" -> EntryKind.ORGANIZATION;
            case "ship" -> EntryKind.VESSEL;
            default -> EntryKind.OTHER;
        };
    }

    /** "(1) Iran (2) Iraq" is [Iran, Iraq]; a value without numbering is itself. */
    static List<String> enumerated(String value) {
        List<String> values = new ArrayList<>();
        for (String part : value.split("\\(\\d+\\)")) {
            if (!part.isBlank()) {
                values.add(part.strip());
            }
        }
        return values;
    }

    /** Finds the header, then gathers each row into its group. */
    private static final class Rows implements CsvInput.RecordHandler {

        private final String listId;
        private final Map<String, Group> groups = new LinkedHashMap<>();
        private Columns columns;

        Rows(String listId) {
            this.listId = listId;
        }

        @Override
        public void accept(CSVRecord record) throws IOException {
            if (columns != null) {
                row(record);
                return;
            }
            columns = Columns.ofHeader(record);
            if (columns == null && record.getRecordNumber() >= HEADER_WITHIN) {
                throw new IOException("no header row naming \"Name 6\" and \"Group ID\" in the first " + HEADER_WITHIN
                        + " lines; expected " + EXPECTED);
            }
        }

        private void row(CSVRecord record) {
            String groupId = columns.value(record, "Group ID");
            if (groupId.isEmpty()) {
                return; // a row that belongs to no entry cannot be cited
            }
            Group group = groups.computeIfAbsent(groupId, id -> new Group(new EntryBuilder(listId).entryId(id)));
            EntryBuilder entry = group.entry;
            String[] parts = new String[NAME_COLUMNS.length];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = columns.value(record, NAME_COLUMNS[i]);
            }
            String name = EntryBuilder.joinName(parts);
            if (columns.value(record, "Alias Type").equalsIgnoreCase("Primary name") && group.primary == null) {
                group.primary = name;
            } else {
                group.others.add(name);
            }
            group.others.add(columns.value(record, "Name Non-Latin Script"));
            String groupType = columns.value(record, "Group Type");
            if (!groupType.isEmpty()) {
                entry.kind(kind(groupType));
            }
            for (String dob : enumerated(columns.value(record, "DOB"))) {
                entry.dateOfBirth(ListDates.dayMonthYear(dob));
            }
            enumerated(columns.value(record, "Nationality")).forEach(entry::nationality);
            enumerated(columns.value(record, "Passport Number")).forEach(entry::identifier);
            enumerated(columns.value(record, "National Identification Number")).forEach(entry::identifier);
            entry.program(columns.value(record, "Regime"));
            group.addressCountries.addAll(enumerated(columns.value(record, "Country")));
        }
    }

    private static final class Group {

        private final EntryBuilder entry;
        private String primary;
        private final List<String> others = new ArrayList<>();
        private final List<String> addressCountries = new ArrayList<>();

        Group(EntryBuilder entry) {
            this.entry = entry;
        }

        Optional<ListEntry> build() {
            entry.name(primary);
            others.forEach(entry::name); // the first becomes the name when no row was the primary name
            if (entry.kind() != EntryKind.PERSON) {
                addressCountries.forEach(entry::nationality);
            }
            return entry.build();
        }
    }

    /** Column positions by header name, ignoring case and surrounding spaces. */
    private static final class Columns {

        private final Map<String, Integer> positions;

        private Columns(Map<String, Integer> positions) {
            this.positions = positions;
        }

        /** The columns, or null when this record is not the header. */
        static Columns ofHeader(CSVRecord record) {
            Map<String, Integer> positions = new HashMap<>();
            for (int i = 0; i < record.size(); i++) {
                positions.putIfAbsent(record.get(i).strip().toLowerCase(Locale.ROOT), i);
            }
            return positions.containsKey("name 6") && positions.containsKey("group id") ? new Columns(positions) : null;
        }

        String value(CSVRecord record, String column) {
            return CsvInput.value(record, positions.getOrDefault(column.toLowerCase(Locale.ROOT), -1));
        }
    }
}
