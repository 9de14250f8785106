package io.tiergate.commons.country;

import java.util.Locale;
import java.util.Set;

/**
 * The ISO 3166-1 alpha-2 country codes, one list for every service: the JDK's
 * {@link Locale#getISOCountries(Locale.IsoCountryCode) PART1_ALPHA2} codes, in their ISO form, upper case.
 *
 * <p>The case rule is the same everywhere: a code is valid only in upper case ({@link #isAlpha2}, {@link
 * CountryCode}). An API that has always taken lower case too (identity claims, a decision's jurisdiction, policy
 * documents) upper-cases what it receives with {@link #upperCase} before it is validated, so that what is checked
 * is what is used.
 */
public final class IsoCountries {

    /** Every alpha-2 code, upper case. */
    public static final Set<String> ALPHA2 = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));

    private IsoCountries() {}

    /** Whether {@code code} is an ISO 3166-1 alpha-2 code as ISO writes it (upper case); false for null. */
    public static boolean isAlpha2(String code) {
        return code != null && ALPHA2.contains(code);
    }

    /**
     * {@code code} with the ASCII letters a-z upper-cased and nothing else changed (null stays null), for an API that
     * accepts lower case: unlike {@link String#toUpperCase}, it turns no other letter into an ASCII one (a dotless
     * {@code ı} stays what it is and fails validation).
     */
    public static String upperCase(String code) {
        if (code == null) {
            return null;
        }
        char[] chars = code.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'a' && chars[i] <= 'z') {
                chars[i] = (char) (chars[i] - ('a' - 'A'));
            }
        }
        return new String(chars);
    }
}
