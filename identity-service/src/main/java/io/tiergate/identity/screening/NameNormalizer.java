package io.tiergate.identity.screening;

import com.ibm.icu.text.Transliterator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a name in any script into comparable lower-case ASCII tokens: ICU transliterates Cyrillic, Arabic, CJK
 * and the rest to Latin and drops diacritics; punctuation splits tokens; legal-form words of organizations
 * (Ltd, Limited, LLC, GmbH, ...) are dropped, so that "Ltd" and "Limited" compare equal.
 */
public final class NameNormalizer {

    // "Any-Latin" handles every script ICU knows; "Latin-ASCII" folds what remains (ø, ß, é) to ASCII.
    private static final ThreadLocal<Transliterator> TO_ASCII = ThreadLocal.withInitial(
            () -> Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower"));

    private static final Set<String> LEGAL_FORMS = Set.of("ltd", "limited", "llc", "inc", "incorporated", "corp",
            "corporation", "co", "company", "gmbh", "ag", "sa", "sarl", "srl", "spa", "bv", "nv", "plc", "jsc", "pjsc",
            "ojsc", "cjsc", "ooo", "oao", "zao", "ao", "llp", "lp", "fze", "fzco", "pte", "pty", "kg", "oy", "ab", "as");

    // Particles that carry little identity and are often dropped or spelled differently.
    private static final Map<String, String> PARTICLES = Map.of("al", "", "el", "", "bin", "", "ibn", "");

    private NameNormalizer() {
    }

    /** The name's tokens, without legal forms; an organization's forms are noise, a person has none. */
    public static List<String> tokens(String name) {
        String ascii = TO_ASCII.get().transliterate(name);
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                token.append(c);
            } else if (c == '\'' || c == '\u02bc' || c == '`') {
                continue; // apostrophes join: O'Brien = obrien, ʻAli = ali
            } else {
                add(tokens, token);
            }
        }
        add(tokens, token);
        return tokens;
    }

    /** A document or identifier number as compared: letters and digits only, upper case. */
    public static String identifier(String number) {
        StringBuilder out = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toUpperCase(c));
            }
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }

    private static void add(List<String> tokens, StringBuilder token) {
        if (token.isEmpty()) {
            return;
        }
        String t = token.toString();
        token.setLength(0);
        if (LEGAL_FORMS.contains(t) || PARTICLES.containsKey(t)) {
            return;
        }
        tokens.add(t);
    }
}
