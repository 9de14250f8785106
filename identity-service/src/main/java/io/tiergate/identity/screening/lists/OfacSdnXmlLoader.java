package io.tiergate.identity.screening.lists;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * OFAC's {@code sdn.xml}: {@code sdnList/sdnEntry} with {@code uid}, {@code firstName}, {@code lastName},
 * {@code sdnType} (Individual, Entity, Vessel, Aircraft), {@code programList/program}, {@code akaList/aka},
 * {@code idList/id}, {@code nationalityList}, {@code citizenshipList}, {@code dateOfBirthList} and
 * {@code addressList}. The name is "firstName lastName" as OFAC splits it ("Ivan Petrovich SIDOROV").
 * {@code idList} also carries facts that are not identifiers (Gender, Website, "Secondary sanctions risk:", ...);
 * those are left out. Address and vessel-flag countries count as nationalities only for entries that are not
 * persons: where a person lives says nothing about their nationality.
 */
public final class OfacSdnXmlLoader implements ListLoader {

    private static final String EXPECTED = "an OFAC SDN XML file (sdn.xml)";

    /** idList types that describe the entry rather than identify it; matched as prefixes, ignoring case. */
    private static final List<String> NOT_IDENTIFIERS = List.of(
            "gender",
            "secondary sanctions risk",
            "additional sanctions information",
            "email address",
            "website",
            "phone number",
            "organization established date",
            "organization type",
            "target type",
            "transactions prohibited",
            "executive order",
            "caatsa",
            "nationality of registration",
            "other vessel flag",
            "former vessel flag",
            "vessel year of build",
            "other vessel type",
            "other vessel call sign",
            "aircraft model",
            "aircraft manufacture date",
            "aircraft operator",
            "listing date",
            "effective date",
            "purchase/sales for or on behalf of",
            "equity ticker",
            "digital currency address",
            "ifca determination",
            "prohibited",
            "aircraft mode s transponder code");

    @Override
    public List<ListEntry> load(InputStream in, String listId) throws IOException {
        List<ListEntry> entries = new ArrayList<>();
        StreamingXml.read(in, "sdnList", EXPECTED, new Handler(listId, entries));
        return entries;
    }

    static EntryKind kind(String sdnType) {
        return switch (sdnType.strip().toLowerCase(Locale.ROOT)) {
            case "individual" -> EntryKind.PERSON;
            case "entity" -> EntryKind.ORGANIZATION;
            case "vessel" -> EntryKind.VESSEL;
            case "aircraft" -> EntryKind.AIRCRAFT;
            default -> EntryKind.OTHER;
        };
    }

    static boolean isIdentifier(String idType) {
        String type = idType == null ? "" : idType.strip().toLowerCase(Locale.ROOT);
        return NOT_IDENTIFIERS.stream().noneMatch(type::startsWith);
    }

    private static final class Handler implements StreamingXml.Handler {

        private final String listId;
        private final List<ListEntry> entries;
        private EntryBuilder entry;
        private String firstName;
        private String lastName;
        private String akaFirstName;
        private String akaLastName;
        private String idType;
        private String idNumber;
        private final List<String> placeCountries = new ArrayList<>();

        Handler(String listId, List<ListEntry> entries) {
            this.listId = listId;
            this.entries = entries;
        }

        @Override
        public void start(String path, StreamingXml.Attributes attributes) {
            switch (path) {
                case "sdnEntry" -> {
                    entry = new EntryBuilder(listId);
                    firstName = null;
                    lastName = null;
                    placeCountries.clear();
                }
                case "sdnEntry/akaList/aka" -> {
                    akaFirstName = null;
                    akaLastName = null;
                }
                case "sdnEntry/idList/id" -> {
                    idType = null;
                    idNumber = null;
                }
                default -> {}
            }
        }

        @Override
        public void end(String path, String text) {
            if (entry == null) {
                return; // publshInformation and anything else outside an entry
            }
            switch (path) {
                case "sdnEntry/uid" -> entry.entryId(text);
                case "sdnEntry/firstName" -> firstName = text;
                case "sdnEntry/lastName" -> lastName = text;
                case "sdnEntry/sdnType" -> entry.kind(kind(text));
                case "sdnEntry/programList/program" -> entry.program(text);
                case "sdnEntry/akaList/aka/firstName" -> akaFirstName = text;
                case "sdnEntry/akaList/aka/lastName" -> akaLastName = text;
                case "sdnEntry/akaList/aka" -> entry.alias(EntryBuilder.joinName(akaFirstName, akaLastName));
                case "sdnEntry/idList/id/idType" -> idType = text;
                case "sdnEntry/idList/id/idNumber" -> idNumber = text;
                case "sdnEntry/idList/id" -> {
                    if (isIdentifier(idType)) {
                        entry.identifier(idNumber);
                    }
                }
                case "sdnEntry/nationalityList/nationality/country", "sdnEntry/citizenshipList/citizenship/country" ->
                    entry.nationality(text);
                case "sdnEntry/dateOfBirthList/dateOfBirthItem/dateOfBirth" -> entry.dateOfBirth(ListDates.ofac(text));
                case "sdnEntry/addressList/address/country", "sdnEntry/vesselInfo/vesselFlag" ->
                    placeCountries.add(text);
                case "sdnEntry" -> finish();
                default -> {}
            }
        }

        private void finish() {
            entry.name(EntryBuilder.joinName(firstName, lastName));
            if (entry.kind() != EntryKind.PERSON) {
                placeCountries.forEach(entry::nationality);
            }
            entry.build().ifPresent(entries::add);
            entry = null;
        }
    }
}
