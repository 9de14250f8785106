package io.tiergate.commons.input;

/**
 * Control characters (Unicode category Cc: C0, DEL and C1) have no place in an identifier or a parameter, and NUL
 * cannot be stored in PostgreSQL text at all: found here once, for every service.
 */
public final class ControlCharacters {

    private ControlCharacters() {}

    /** The index of the first control character in {@code value}, or -1 when there is none (or no value). */
    public static int firstIn(String value) {
        if (value == null) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.getType(value.charAt(i)) == Character.CONTROL) {
                return i;
            }
        }
        return -1;
    }

    public static boolean containsNul(String value) {
        return value != null && value.indexOf('\u0000') >= 0;
    }

    /** A name fit to echo in an error: control characters shown as U+XXXX, so the answer carries none. */
    public static String printable(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            if (Character.getType(c) == Character.CONTROL) {
                out.append(String.format("U+%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
