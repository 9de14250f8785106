package io.tiergate.identity.screening.lists;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The UN Security Council consolidated list ({@code consolidated.xml}): {@code CONSOLIDATED_LIST/INDIVIDUALS/
 * INDIVIDUAL} and {@code ENTITIES/ENTITY}, each with {@code DATAID} (the entry id), {@code FIRST_NAME} to
 * {@code FOURTH_NAME}, {@code UN_LIST_TYPE} (the programme), {@code NAME_ORIGINAL_SCRIPT} and aliases
 * ({@code INDIVIDUAL_ALIAS}/{@code ENTITY_ALIAS} {@code ALIAS_NAME}); individuals also {@code NATIONALITY/VALUE},
 * {@code INDIVIDUAL_DATE_OF_BIRTH} ({@code DATE} or {@code YEAR}; a {@code FROM_YEAR}-{@code TO_YEAR} range is
 * skipped) and {@code INDIVIDUAL_DOCUMENT/NUMBER}. An entity's address countries count as its nationalities.
 */
public final class UnConsolidatedXmlLoader implements ListLoader {

    private static final String EXPECTED = "a UN Security Council consolidated list XML file (consolidated.xml)";
    private static final String INDIVIDUAL = "INDIVIDUALS/INDIVIDUAL";
    private static final String ENTITY = "ENTITIES/ENTITY";

    @Override
    public List<ListEntry> load(InputStream in, String listId) throws IOException {
        List<ListEntry> entries = new ArrayList<>();
        StreamingXml.read(in, "CONSOLIDATED_LIST", EXPECTED, new Handler(listId, entries));
        return entries;
    }

    private static final class Handler implements StreamingXml.Handler {

        private final String listId;
        private final List<ListEntry> entries;
        private EntryBuilder entry;
        private final String[] names = new String[4];

        Handler(String listId, List<ListEntry> entries) {
            this.listId = listId;
            this.entries = entries;
        }

        @Override
        public void start(String path, StreamingXml.Attributes attributes) {
            if (path.equals(INDIVIDUAL) || path.equals(ENTITY)) {
                EntryKind kind = path.equals(INDIVIDUAL) ? EntryKind.PERSON : EntryKind.ORGANIZATION;
                entry = new EntryBuilder(listId).kind(kind);
                Arrays.fill(names, null);
            }
        }

        @Override
        public void end(String path, String text) {
            if (entry == null) {
                return;
            }
            if (path.equals(INDIVIDUAL) || path.equals(ENTITY)) {
                entry.name(EntryBuilder.joinName(names));
                entry.build().ifPresent(entries::add);
                entry = null;
                return;
            }
            String field = path.startsWith(INDIVIDUAL + "/")
                    ? path.substring(INDIVIDUAL.length() + 1)
                    : path.startsWith(ENTITY + "/") ? path.substring(ENTITY.length() + 1) : "";
            switch (field) {
                case "DATAID" -> entry.entryId(text);
                case "FIRST_NAME" -> names[0] = text;
                case "SECOND_NAME" -> names[1] = text;
                case "THIRD_NAME" -> names[2] = text;
                case "FOURTH_NAME" -> names[3] = text;
                case "UN_LIST_TYPE" -> entry.program(text);
                case "NAME_ORIGINAL_SCRIPT", "INDIVIDUAL_ALIAS/ALIAS_NAME", "ENTITY_ALIAS/ALIAS_NAME" ->
                    entry.alias(text);
                case "NATIONALITY/VALUE", "ENTITY_ADDRESS/COUNTRY" -> entry.nationality(text);
                case "INDIVIDUAL_DATE_OF_BIRTH/DATE", "INDIVIDUAL_DATE_OF_BIRTH/YEAR" ->
                    entry.dateOfBirth(ListDates.iso(text));
                case "INDIVIDUAL_DOCUMENT/NUMBER" -> entry.identifier(text);
                default -> {}
            }
        }
    }
}
