package io.tiergate.identity.screening.lists;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * OFAC's comma-separated SDN files. OFAC publishes the list as several header-less files joined by
 * {@code ent_num}: {@code sdn.csv} (ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage,
 * GRT, Vess_flag, Vess_owner, Remarks), {@code alt.csv} (aliases), {@code add.csv} (addresses) and
 * {@code sdn_comments.csv} (remarks that did not fit).
 * <ul>
 * <li>{@link #load(InputStream, String)}, the {@link ListLoader} method, reads {@code sdn.csv} alone: names, type,
 * programs, the vessel flag, and dates of birth, nationalities, identity documents and a.k.a.s written in
 * Remarks ({@link OfacRemarks}).</li>
 * <li>{@link #load(InputStream, InputStream, String)} reads {@code sdn.csv} and then {@code alt.csv}, whose
 * aliases it adds to their entries. Use it when you have both files.</li>
 * </ul>
 * {@code add.csv} and {@code sdn_comments.csv} are not read. "-0-" is OFAC's null. Individuals' names, written
 * "LAST, First", become "First LAST" as in the XML.
 */
public final class OfacSdnCsvLoader implements ListLoader {

    private static final String EXPECTED_SDN =
            "OFAC sdn.csv: header-less records of 12 fields, the first a numeric" + " ent_num";
    private static final String EXPECTED_ALT =
            "OFAC alt.csv: header-less records of 5 fields (ent_num, alt_num," + " alt_type, alt_name, alt_remarks)";
    private static final String NULL = "-0-";
    private static final int SDN_FIELDS = 12;
    private static final int ALT_FIELDS = 5;

    @Override
    public List<ListEntry> load(InputStream sdnCsv, String listId) throws IOException {
        return build(readSdn(sdnCsv, listId));
    }

    /** {@code sdn.csv} with the aliases of {@code alt.csv}; an alias of an ent_num not in sdn.csv is ignored. */
    public List<ListEntry> load(InputStream sdnCsv, InputStream altCsv, String listId) throws IOException {
        Map<String, EntryBuilder> entries = readSdn(sdnCsv, listId);
        CsvInput.forEach(altCsv, EXPECTED_ALT, record -> {
            if (isEndOfFile(record)) {
                return;
            }
            if (record.size() < ALT_FIELDS || !isNumber(value(record, 0))) {
                throw new IOException("line " + record.getRecordNumber() + ": expected " + EXPECTED_ALT + ", found "
                        + record.size() + " field(s) starting \"" + value(record, 0) + "\"");
            }
            EntryBuilder entry = entries.get(value(record, 0));
            if (entry != null) {
                entry.alias(entry.kind() == EntryKind.PERSON ? givenNamesFirst(value(record, 3)) : value(record, 3));
            }
        });
        return build(entries);
    }

    private static Map<String, EntryBuilder> readSdn(InputStream in, String listId) throws IOException {
        Map<String, EntryBuilder> entries = new LinkedHashMap<>();
        CsvInput.forEach(in, EXPECTED_SDN, record -> {
            if (isEndOfFile(record)) {
                return;
            }
            String entNum = value(record, 0);
            if (record.size() < SDN_FIELDS || !isNumber(entNum)) {
                throw new IOException("line " + record.getRecordNumber() + ": expected " + EXPECTED_SDN + ", found "
                        + record.size() + " field(s) starting \"" + entNum + "\"");
            }
            EntryKind kind = kind(value(record, 2));
            EntryBuilder entry = new EntryBuilder(listId).entryId(entNum).kind(kind);
            String name = value(record, 1);
            entry.name(kind == EntryKind.PERSON ? givenNamesFirst(name) : name);
            for (String program : value(record, 3).split("\\]\\s*\\[")) {
                entry.program(program.replace("[", "").replace("]", ""));
            }
            if (kind != EntryKind.PERSON) {
                entry.nationality(value(record, 9));
            }
            OfacRemarks.apply(value(record, 11), entry);
            entries.put(entNum, entry);
        });
        return entries;
    }

    private static List<ListEntry> build(Map<String, EntryBuilder> entries) {
        List<ListEntry> built = new ArrayList<>(entries.size());
        for (EntryBuilder entry : entries.values()) {
            entry.build().ifPresent(built::add);
        }
        return built;
    }

    static EntryKind kind(String sdnType) {
        return switch (sdnType.toLowerCase(Locale.ROOT)) {
            case "individual" -> EntryKind.PERSON;
            case "", "entity" -> EntryKind.ORGANIZATION; // OFAC leaves an entity's type null ("-0-")
            case "vessel" -> EntryKind.VESSEL;
            case "aircraft" -> EntryKind.AIRCRAFT;
            default -> EntryKind.OTHER;
        };
    }

    /** "SIDOROV, Ivan Petrovich" is "Ivan Petrovich SIDOROV"; a name without a comma stays as it is. */
    static String givenNamesFirst(String name) {
        int comma = name.indexOf(',');
        if (comma < 0) {
            return name;
        }
        return EntryBuilder.joinName(name.substring(comma + 1), name.substring(0, comma));
    }

    /** The field, stripped, with OFAC's null "-0-" as empty. */
    private static String value(CSVRecord record, int index) {
        String value = CsvInput.value(record, index);
        return NULL.equals(value) ? "" : value;
    }

    /** OFAC ends its CSV files with a lone SUB (0x1A) character, a relic of DOS. */
    private static boolean isEndOfFile(CSVRecord record) {
        return record.size() == 1 && record.get(0).replace("\u001a", "").isBlank();
    }

    private static boolean isNumber(String value) {
        return !value.isEmpty() && value.chars().allMatch(Character::isDigit);
    }
}
