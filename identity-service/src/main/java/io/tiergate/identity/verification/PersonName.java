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
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PersonName.Validator.class)
public @interface PersonName {

    String message() default "must be a name in one script, without control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PersonName, String> {

        private static final Set<Integer> EAST_ASIAN = Set.of(UScript.HAN, UScript.HIRAGANA, UScript.KATAKANA,
                UScript.HANGUL);

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
                if (type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                        || type == Character.PRIVATE_USE || type == Character.SURROGATE) {
                    return false;
                }
                int script = UScript.getScript(cp);
                if (script != UScript.COMMON && script != UScript.INHERITED) {
                    scripts.add(script);
                }
            }
            return scripts.size() <= 1 || EAST_ASIAN.containsAll(scripts);
        }
    }
}
