package io.tiergate.commons.limit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An expensive read (a proof, an export, a queue): each authenticated caller may make at most {@link #perMinute()}
 * calls in any minute, counted per limit name; more get 429 {@code RATE_LIMITED} with {@code Retry-After}.
 * {@code tiergate.limits.per-minute.<name>} overrides the default.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface CallerLimited {

    /**
     * The OpenAPI extension that names an operation's limit ({@code @Extension(name = OPENAPI_EXTENSION, value =
     * "exports")} beside this annotation), so that the document lists its 429.
     */
    String OPENAPI_EXTENSION = "x-tiergate-caller-limit";

    /** The limit's name: callers are counted per name, and the name is in the metric and the problem. */
    String value();

    /** Calls per caller in any minute unless configured otherwise. */
    int perMinute();
}
