package io.tiergate.audit.log;

import io.tiergate.commons.problem.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The trail's paging cursor: opaque to clients, base64url of the last leaf index a page held. */
public final class AuditCursor {

    private static final String PREFIX = "i:";

    private AuditCursor() {}

    public static String after(long leafIndex) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + leafIndex).getBytes(StandardCharsets.US_ASCII));
    }

    /** The leaf index a cursor names; 400 INVALID_CURSOR for anything {@link #after} never returned. */
    public static long parse(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!decoded.startsWith(PREFIX)) {
                throw new IllegalArgumentException("no prefix");
            }
            String digits = decoded.substring(PREFIX.length());
            // digits only: no sign, no leading '+', so a cursor names one index in one spelling
            if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("not an index");
            }
            return Long.parseLong(digits);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("INVALID_CURSOR", "cursor is not one this API returned");
        }
    }
}
