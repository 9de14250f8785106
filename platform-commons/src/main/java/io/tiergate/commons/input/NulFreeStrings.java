package io.tiergate.commons.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * A Jackson module refusing NUL ({@code \u0000}) in any JSON string read into a Java string, value or map key:
 * PostgreSQL text cannot hold it, and no field of ours means it. The refusal carries the field's path.
 */
public final class NulFreeStrings {

    private NulFreeStrings() {}

    /**
     * Raised for a string with NUL; Jackson adds the path of the field it was read for. A mismatched input, because
     * Quarkus REST hands those to the exception mappers as they are (other databind errors become a bare 400).
     */
    public static final class NulInString extends MismatchedInputException {
        NulInString(JsonParser parser) {
            super(parser, "a string must not contain NUL (U+0000)", String.class);
        }
    }

    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("tiergate-nul-free-strings");
        module.addDeserializer(String.class, new Values());
        module.addKeyDeserializer(String.class, new Keys());
        return module;
    }

    static final class Values extends StdScalarDeserializer<String> {
        Values() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (ControlCharacters.containsNul(value)) {
                throw new NulInString(parser);
            }
            return value;
        }
    }

    static final class Keys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            if (ControlCharacters.containsNul(key)) {
                throw new NulInString(context.getParser());
            }
            return key;
        }
    }
}
