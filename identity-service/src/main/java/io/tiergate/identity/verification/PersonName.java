package io.tiergate.identity.verification;

import com.ibm.icu.lang.UScript;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.Set;

/**
 * A name as people write it: no control or invisible formatting characters, and one script (Han with Hiragana,
 * Katakana or Hangul counts as one), so that look-alike letters from another script cannot slip past screening.
 * The one exception is the joiners (ZWNJ U+200C, ZWJ U+200D) that Persian, the Indic scripts and others need in
 * their spelling (کریم‌پور): allowed between two letters of such a script only, never in Latin, Cyrillic, Greek or Han,
 * where they would only hide a name from screening. Bidi controls (U+202A–U+202E, U+2066–U+2069) stay refused.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PersonName.Validator.class)
public @interface PersonName {

    String message() default "must be a name in one script, without control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PersonName, String> {

        static final int ZWNJ = 0x200C;
        static final int ZWJ = 0x200D;
        /** Scripts whose spelling uses joiners: Arabic (Persian, Urdu, Kurdish), Syriac, the Indic scripts, ... */
        private static final Set<Integer> JOINING_SCRIPTS = Set.of(
                UScript.ARABIC,
                UScript.SYRIAC,
                UScript.NKO,
                UScript.MONGOLIAN,
                UScript.DEVANAGARI,
                UScript.BENGALI,
                UScript.GURMUKHI,
                UScript.GUJARATI,
                UScript.ORIYA,
                UScript.TAMIL,
                UScript.TELUGU,
                UScript.KANNADA,
                UScript.MALAYALAM,
                UScript.SINHALA,
                UScript.MYANMAR,
                UScript.KHMER,
                UScript.TIBETAN);

        private static final Set<Integer> EAST_ASIAN =
                Set.of(UScript.HAN, UScript.HIRAGANA, UScript.KATAKANA, UScript.HANGUL);

        @Override
        public boolean isValid(String name, ConstraintValidatorContext context) {
            if (name == null) {
                return true;
            }
            Set<Integer> scripts = new HashSet<>();
            for (int i = 0; i < name.length(); ) {
                int cp = name.codePointAt(i);
                i += Character.charCount(cp);
                int type = Character.getType(cp);
                if ((cp == ZWNJ || cp == ZWJ) && joinsLetters(name, i - 1)) {
                    continue;
                }
                if (type == Character.CONTROL
                        || type == Character.FORMAT
                        || type == Character.UNASSIGNED
                        || type == Character.PRIVATE_USE
                        || type == Character.SURROGATE) {
                    return false;
                }
                int script = UScript.getScript(cp);
                if (script != UScript.COMMON && script != UScript.INHERITED) {
                    scripts.add(script);
                }
            }
            return scripts.size() <= 1 || EAST_ASIAN.containsAll(scripts);
        }

        /** A joiner at {@code at} stands between two letters (or marks) of one script that shapes with joiners. */
        static boolean joinsLetters(String name, int at) {
            if (at == 0 || at + 1 >= name.length()) {
                return false;
            }
            int before = name.codePointBefore(at);
            int after = name.codePointAt(at + 1);
            int script = UScript.getScript(before);
            return isLetterOrMark(before)
                    && isLetterOrMark(after)
                    && script == UScript.getScript(after)
                    && JOINING_SCRIPTS.contains(script);
        }

        private static boolean isLetterOrMark(int cp) {
            int type = Character.getType(cp);
            return Character.isLetter(cp)
                    || type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK;
        }
    }
}
