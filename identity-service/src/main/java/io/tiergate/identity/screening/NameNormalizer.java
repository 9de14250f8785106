package io.tiergate.identity.screening;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a name in any script into comparable lower-case ASCII tokens. Each script run is romanised by ICU with the
 * standard romanisation a list compiler would use (BGN/PCGN for Russian Cyrillic, UNGEGN for Greek, pinyin for Han,
 * ICU's Arabic table, the Hebrew Academy's for Hebrew ({@link HebrewRomanisation}), Any-Latin for the rest), then folded to ASCII; punctuation splits tokens; legal-form
 * words of organizations (Ltd, Limited, LLC, GmbH, ...) are dropped, so that "Ltd" and "Limited" compare equal.
 * {@link #skeleton} then gives each token a consonant skeleton on which spellings from different romanisations and
 * from scripts that write no short vowels (Arabic, Persian, Hebrew) agree.
 */
public final class NameNormalizer {

    /*
     * ICU documents transliterators as stateless and shareable between threads (rule-based ones lock their own
     * rule data); these are built once and never mutated (no setFilter), which is what keeps sharing them safe.
     */
    private static final Map<Integer, Transliterator> BY_SCRIPT = Map.of(
            UScript.CYRILLIC, Transliterator.getInstance("Russian-Latin/BGN"),
            UScript.GREEK, Transliterator.getInstance("Greek-Latin/UNGEGN"),
            UScript.ARABIC, Transliterator.getInstance("Arabic-Latin"),
            UScript.HAN, Transliterator.getInstance("Han-Latin"));
    private static final Transliterator ANY_LATIN = Transliterator.getInstance("Any-Latin");
    // "Latin-ASCII" folds what the romanisations leave (ø, ß, é, ḥ) to ASCII.
    private static final Transliterator TO_ASCII = Transliterator.getInstance("Latin-ASCII; Lower");

    private static final Set<String> LEGAL_FORMS = Set.of(
            "ltd",
            "limited",
            "llc",
            "inc",
            "incorporated",
            "corp",
            "corporation",
            "co",
            "company",
            "gmbh",
            "ag",
            "sa",
            "sarl",
            "srl",
            "spa",
            "bv",
            "nv",
            "plc",
            "jsc",
            "pjsc",
            "ojsc",
            "cjsc",
            "ooo",
            "oao",
            "zao",
            "ao",
            "llp",
            "lp",
            "fze",
            "fzco",
            "pte",
            "pty",
            "kg",
            "oy",
            "ab",
            "as");

    // Particles that carry little identity and are often dropped or spelled differently.
    private static final Map<String, String> PARTICLES = Map.of("al", "", "el", "", "bin", "", "ibn", "");

    // ASCII, modifier-letter and typographic apostrophes, and the ʿayn/hamza signs ICU writes for Arabic and Hebrew.
    private static final String APOSTROPHES = "'`\u02bc\u02bb\u02be\u02bf\u2018\u2019";

    private NameNormalizer() {}

    /** A token, and whether it was transliterated (from a script other than Latin and Han, whose pinyin lists use). */
    public record Token(String text, boolean transliterated) {}

    /** The name's tokens, without legal forms; an organization's forms are noise, a person has none. */
    public static List<String> tokens(String name) {
        return romanisedTokens(name).stream().map(Token::text).toList();
    }

    public static List<Token> romanisedTokens(String name) {
        StringBuilder ascii = new StringBuilder(name.length() + 8);
        List<Boolean> transliterated = new ArrayList<>();
        for (Segment segment : romanise(name)) {
            String folded = TO_ASCII.transliterate(segment.latin());
            ascii.append(folded);
            for (int i = 0; i < folded.length(); i++) {
                transliterated.add(segment.transliterated());
            }
        }
        List<Token> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean fromOtherScript = false;
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                token.append(c);
                fromOtherScript |= transliterated.get(i);
            } else if (APOSTROPHES.indexOf(c) >= 0) {
                continue; // apostrophes join: O'Brien = obrien, ʻAli = ali, عبدالعزيز = bdalzyz
            } else {
                add(tokens, token, fromOtherScript);
                fromOtherScript = false;
            }
        }
        add(tokens, token, fromOtherScript);
        return tokens;
    }

    private record Segment(String latin, boolean transliterated) {}

    /**
     * The name in Latin letters, script run by script run. Joiners (ZWNJ, ZWJ) shape letters without changing them,
     * so they go first; the Hebrew maqaf is a hyphen. A Han run is read as Chinese names are written: alone in the name, family name then given
     * name ("赵晓明" = "zhao xiaoming"); as one of several runs (given and family name apart), one word.
     */
    private static List<Segment> romanise(String name) {
        String text = name.replace("\u200C", "").replace("\u200D", "").replace('\u05BE', '-');
        List<int[]> runs = scriptRuns(text);
        long hanRuns = runs.stream().filter(run -> run[2] == UScript.HAN).count();
        List<Segment> out = new ArrayList<>(runs.size());
        for (int[] run : runs) {
            String part = text.substring(run[0], run[1]);
            out.add(
                    switch (run[2]) {
                        case UScript.LATIN, UScript.COMMON -> new Segment(part, false);
                        case UScript.HAN -> new Segment(" " + han(part, hanRuns == 1) + " ", false);
                        case UScript.HEBREW -> new Segment(HebrewRomanisation.romanise(part), true);
                        case UScript.ARABIC ->
                            new Segment(
                                    withoutArticle(TO_ASCII.transliterate(
                                            BY_SCRIPT.get(UScript.ARABIC).transliterate(part))),
                                    true);
                        // UNGEGN writes χ as "ch"; it is the sound other romanisations write "kh" (Χαλίλ = Khalil)
                        case UScript.GREEK ->
                            new Segment(
                                    BY_SCRIPT
                                            .get(UScript.GREEK)
                                            .transliterate(part)
                                            .replace("ch", "kh")
                                            .replace("Ch", "Kh")
                                            .replace("CH", "KH"),
                                    true);
                        default ->
                            new Segment(
                                    BY_SCRIPT.getOrDefault(run[2], ANY_LATIN).transliterate(part), true);
                    });
        }
        return out;
    }

    /** Runs of one script as {start, end, script}; spaces and punctuation (Common, Inherited) split runs. */
    private static List<int[]> scriptRuns(String text) {
        List<int[]> runs = new ArrayList<>();
        int start = 0;
        int current = UScript.COMMON;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int script = UScript.getScript(cp);
            if (script == UScript.INHERITED) {
                script = current; // a combining mark belongs to the letter before it
            } else if (current == UScript.HEBREW && APOSTROPHES.indexOf(cp) >= 0) {
                script = current; // so does a geresh written as an apostrophe (צ' is ch)
            }
            if (script != current) {
                if (i > start) {
                    runs.add(new int[] {start, i, current});
                }
                start = i;
                current = script;
            }
            i += Character.charCount(cp);
        }
        if (text.length() > start) {
            runs.add(new int[] {start, text.length(), current});
        }
        return runs;
    }

    private static String han(String run, boolean wholeName) {
        Transliterator pinyin = BY_SCRIPT.get(UScript.HAN);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < run.length(); ) {
            int cp = run.codePointAt(i);
            i += Character.charCount(cp);
            out.append(pinyin.transliterate(new String(Character.toChars(cp))).strip());
            if (wholeName && out.length() > 0 && i == Character.charCount(run.codePointAt(0))) {
                out.append(' '); // the family name is the first character
            }
        }
        return out.toString();
    }

    /** Arabic writes the article joined to the word (الرشيد); Latin lists write it apart (al-Rashid) or drop it. */
    private static String withoutArticle(String romanised) {
        StringBuilder out = new StringBuilder(romanised.length());
        for (String word : romanised.split(" ", -1)) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(word.length() > 4 && word.startsWith("al") ? word.substring(2) : word);
        }
        return out.toString();
    }

    /**
     * A token's consonant skeleton: vowels and the letters that stand for them in abjads (y, w) and h (silent, or
     * half of sh/th/ph) dropped, kh too (Hebrew writes it h); the sounds one script or romanisation spells
     * differently merged: ch/tsh/tch/ts (C), b/p/f/v, k/q/hard c, soft c/s/z, d/t; n before d
     * and m before b dropped (Greek writes d as ντ, b as μπ); repeats collapsed. "karimpour", "krympwr" (Persian)
     * and "karimbur" share one.
     */
    public static String skeleton(String token) {
        StringBuilder out = new StringBuilder(token.length());
        char previous = 0;
        int i = 0;
        while (i < token.length()) {
            char letter = token.charAt(i);
            char c;
            int length = 1;
            if (token.startsWith("tsch", i)) {
                c = 'C';
                length = 4;
            } else if (token.startsWith("tsh", i) || token.startsWith("tch", i)) {
                c = 'C';
                length = 3;
            } else if (token.startsWith("ch", i) || token.startsWith("ts", i)) {
                c = 'C';
                length = 2;
            } else if (token.startsWith("kh", i)) {
                c = 0;
                length = 2;
            } else if (letter == 'c') {
                char next = i + 1 < token.length() ? token.charAt(i + 1) : 0;
                c = next == 'e' || next == 'i' || next == 'y' ? 's' : 'k';
            } else {
                c = switch (letter) {
                    case 'a', 'e', 'i', 'o', 'u', 'y', 'w', 'h' -> 0;
                    case 'b', 'p', 'f', 'v' -> 'b';
                    case 'k', 'q' -> 'k';
                    case 'd', 't' -> 'd';
                    case 's', 'z' -> 's';
                    default -> letter;
                };
            }
            i += length;
            if (c == 0 || c == previous) {
                continue;
            }
            int last = out.length() - 1;
            if (last >= 0 && ((c == 'd' && out.charAt(last) == 'n') || (c == 'b' && out.charAt(last) == 'm'))) {
                out.setLength(last);
                if (last > 0 && out.charAt(last - 1) == c) {
                    previous = c;
                    continue;
                }
            }
            out.append(c);
            previous = c;
        }
        return out.toString();
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

    private static void add(List<Token> tokens, StringBuilder token, boolean transliterated) {
        if (token.isEmpty()) {
            return;
        }
        String t = token.toString();
        token.setLength(0);
        if (LEGAL_FORMS.contains(t) || PARTICLES.containsKey(t)) {
            return;
        }
        tokens.add(new Token(t, transliterated));
    }
}
