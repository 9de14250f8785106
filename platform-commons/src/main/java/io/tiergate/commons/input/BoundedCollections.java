package io.tiergate.commons.input;

import com.fasterxml.jackson.annotation.JacksonAnnotation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.ArrayType;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.MapType;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Map;

/**
 * A Jackson module refusing a JSON array or object read into a Java collection, map or array with more than
 * {@code max} items. For request bodies only: bean validation checks every element of a list and builds one message
 * of all its violations, so a list of 100,000 bad items exhausted the heap. Events and stream state keep their own
 * sizes (a campaign's accounts may number tens of thousands).
 */
public final class BoundedCollections {

    /** The most items any request body of ours holds in one list (a decision batch holds at most 1,000). */
    public static final int MAX_ITEMS = 10_000;

    private BoundedCollections() {}

    /** On a field whose operation bounds the list itself and answers with its own code (a decision batch: 413). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
    @JacksonAnnotation
    public @interface BoundedByItsOperation {}

    /** Raised after reading a list over the bound; Jackson adds the field's path. */
    public static final class TooManyItems extends MismatchedInputException {
        private final int max;

        TooManyItems(JsonParser parser, int max) {
            super(parser, "a list may hold at most " + max + " items", Collection.class);
            this.max = max;
        }

        public int max() {
            return max;
        }
    }

    public static SimpleModule module(int max) {
        SimpleModule module = new SimpleModule("tiergate-bounded-collections");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyCollectionDeserializer(
                    DeserializationConfig config,
                    CollectionType type,
                    BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                return new Bounded(deserializer, max);
            }

            @Override
            public JsonDeserializer<?> modifyMapDeserializer(
                    DeserializationConfig config,
                    MapType type,
                    BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                return new Bounded(deserializer, max);
            }

            @Override
            public JsonDeserializer<?> modifyArrayDeserializer(
                    DeserializationConfig config,
                    ArrayType type,
                    BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                return new Bounded(deserializer, max);
            }
        });
        return module;
    }

    static final class Bounded extends DelegatingDeserializer {
        private final int max;

        Bounded(JsonDeserializer<?> delegate, int max) {
            super(delegate);
            this.max = max;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Bounded(delegate, max);
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            JsonDeserializer<?> contextual = super.createContextual(context, property);
            if (property != null && property.getAnnotation(BoundedByItsOperation.class) != null) {
                return contextual instanceof Bounded bounded ? bounded._delegatee : contextual;
            }
            return contextual;
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return checked(parser, super.deserialize(parser, context));
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object deserialize(JsonParser parser, DeserializationContext context, Object into) throws IOException {
            return checked(parser, ((JsonDeserializer<Object>) _delegatee).deserialize(parser, context, into));
        }

        private Object checked(JsonParser parser, Object value) throws TooManyItems {
            int size = value instanceof Collection<?> c
                    ? c.size()
                    : value instanceof Map<?, ?> m
                            ? m.size()
                            : value != null && value.getClass().isArray() ? Array.getLength(value) : 0;
            if (size > max) {
                throw new TooManyItems(parser, max);
            }
            return value;
        }
    }
}
