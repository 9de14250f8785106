package io.tiergate.identity.screening.lists;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The EU Financial Sanctions Files full list ({@code xmlFullSanctionsList_1_1}): {@code export/sanctionEntity}
 * (attribute {@code logicalId} is the entry id) holding {@code subjectType code} (person, enterprise),
 * {@code nameAlias wholeName} (the first is the name, the rest aliases; one without a wholeName is built from
 * firstName, middleName and lastName), {@code birthdate} ({@code birthdate="1970-01-01"} or
 * {@code year}/{@code monthOfYear}/{@code dayOfMonth}), {@code citizenship countryIso2Code},
 * {@code identification number} and {@code regulation programme}. The EU writes "00" for an unknown country; it
 * is skipped. An enterprise's address countries count as its nationalities.
 */
public final class EuFsfXmlLoader implements ListLoader {

    private static final String EXPECTED = "an EU Financial Sanctions Files XML file (xmlFullSanctionsList_1_1)";

    @Override
    public List<ListEntry> load(InputStream in, String listId) throws IOException {
        List<ListEntry> entries = new ArrayList<>();
        StreamingXml.read(in, "export", EXPECTED, new Handler(listId, entries));
        return entries;
    }

    static EntryKind kind(String subjectType) {
        return switch (subjectType == null ? "" : subjectType.strip().toLowerCase(Locale.ROOT)) {
            case "person" -> EntryKind.PERSON;
            case "enterprise" -> EntryKind.ORGANIZATION;
            default -> EntryKind.OTHER;
        };
    }

    /** {@code birthdate} when given, else what {@code year}, {@code monthOfYear} and {@code dayOfMonth} say. */
    static Optional<String> birthdate(StreamingXml.Attributes attributes) {
        Optional<String> full = ListDates.iso(attributes.get("birthdate"));
        if (full.isPresent()) {
            return full;
        }
        try {
            String year = attributes.get("year");
            if (EntryBuilder.isBlank(year)) {
                return Optional.empty();
            }
            return ListDates.fromParts(
                    Integer.parseInt(year.strip()),
                    number(attributes.get("monthOfYear")),
                    number(attributes.get("dayOfMonth")));
        } catch (NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

    private static int number(String value) {
        return EntryBuilder.isBlank(value) ? 0 : Integer.parseInt(value.strip());
    }

    private static final class Handler implements StreamingXml.Handler {

        private final String listId;
        private final List<ListEntry> entries;
        private EntryBuilder entry;
        private final List<String> addressCountries = new ArrayList<>();

        Handler(String listId, List<ListEntry> entries) {
            this.listId = listId;
            this.entries = entries;
        }

        @Override
        public void start(String path, StreamingXml.Attributes attributes) {
            if (path.equals("sanctionEntity")) {
                entry = new EntryBuilder(listId).entryId(attributes.get("logicalId"));
                addressCountries.clear();
                return;
            }
            if (entry == null) {
                return;
            }
            switch (path) {
                case "sanctionEntity/subjectType" -> entry.kind(kind(attributes.get("code")));
                case "sanctionEntity/nameAlias" -> {
                    String whole = attributes.get("wholeName");
                    entry.name(
                            EntryBuilder.isBlank(whole)
                                    ? EntryBuilder.joinName(
                                            attributes.get("firstName"),
                                            attributes.get("middleName"),
                                            attributes.get("lastName"))
                                    : whole);
                }
                case "sanctionEntity/birthdate" -> entry.dateOfBirth(birthdate(attributes));
                case "sanctionEntity/citizenship" -> country(attributes).ifPresent(entry::nationality);
                case "sanctionEntity/identification" -> entry.identifier(attributes.get("number"));
                case "sanctionEntity/regulation" -> entry.program(attributes.get("programme"));
                case "sanctionEntity/address" -> country(attributes).ifPresent(addressCountries::add);
                default -> {}
            }
        }

        @Override
        public void end(String path, String text) {
            if (entry != null && path.equals("sanctionEntity")) {
                if (entry.kind() != EntryKind.PERSON) {
                    addressCountries.forEach(entry::nationality);
                }
                entry.build().ifPresent(entries::add);
                entry = null;
            }
        }

        /** The ISO code, or the description ("IRAN") when the code is missing or "00". */
        private static Optional<String> country(StreamingXml.Attributes attributes) {
            String code = attributes.get("countryIso2Code");
            if (CountryCodes.toAlpha2(code).isPresent()) {
                return Optional.of(code);
            }
            return Optional.ofNullable(attributes.get("countryDescription"));
        }
    }
}
