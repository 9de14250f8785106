package io.tiergate.commons.testing;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.TreeMap;

/** Bean Validation without Quarkus, for unit tests of request records: each violation's field and message. */
public final class Violations {

    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    private Violations() {}

    /** The violations of an object, field path to message, sorted by field. */
    public static Map<String, String> of(Object object) {
        Map<String, String> byField = new TreeMap<>();
        for (ConstraintViolation<Object> v : VALIDATOR.validate(object)) {
            byField.put(v.getPropertyPath().toString(), v.getMessage());
        }
        return byField;
    }

    public static Validator validator() {
        return VALIDATOR;
    }
}
