package io.tiergate.console.audit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** An entry's canonical bytes, shown as the JSON text they are (RFC 8785 output is UTF-8 JSON). */
final class Entries {

    private Entries() {}

    static String decode(String base64) {
        if (base64 == null) {
            return "";
        }
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return "";
        }
    }
}
