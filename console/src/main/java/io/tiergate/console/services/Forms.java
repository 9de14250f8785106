package io.tiergate.console.services;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Form fields to the JSON a service expects: blanks are left out, lists split on commas. */
public final class Forms {

    private Forms() {}

    /** Whether a problem's field path ({@code document.mrz[0]}, {@code nationalities[1]}) is this form field's. */
    static boolean names(String problemField, String formField) {
        return problemField != null
                && (problemField.equals(formField)
                        || problemField.startsWith(formField + ".")
                        || problemField.startsWith(formField + "["));
    }

    public static String text(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** "DE, fr ,IT" → [DE, FR, IT]; codes the service validates. */
    public static List<String> codes(MultivaluedMap<String, String> form, String name) {
        String value = text(form, name);
        return value == null
                ? List.of()
                : Arrays.stream(value.split("[,\\s]+"))
                        .filter(s -> !s.isBlank())
                        .map(s -> s.strip().toUpperCase(java.util.Locale.ROOT))
                        .toList();
    }

    /** Lines of a text area, blank lines dropped (the MRZ). */
    public static List<String> lines(MultivaluedMap<String, String> form, String name) {
        String value = text(form, name);
        return value == null
                ? List.of()
                : value.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** A JSON object of the non-null values, in order. */
    public static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value != null
                    && !(value instanceof List<?> list && list.isEmpty())
                    && !(value instanceof Map<?, ?> map && map.isEmpty())) {
                json.put((String) keysAndValues[i], value);
            }
        }
        return json;
    }

    /** The submitted values, to fill the form again next to its problems. */
    public static Map<String, String> echo(MultivaluedMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.get(0)));
        values.remove("csrf-token");
        return values;
    }
}
