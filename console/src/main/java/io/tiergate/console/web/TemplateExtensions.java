package io.tiergate.console.web;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** What templates need beyond HTML escaping: a value placed in a query string. */
@TemplateExtension
public final class TemplateExtensions {

    private TemplateExtensions() {}

    static String urlEncode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
