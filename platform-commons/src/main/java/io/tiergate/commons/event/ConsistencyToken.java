package io.tiergate.commons.event;

/**
 * {@code {source}:{subject}:{version}}: what a write returns, so that a later read can wait until a
 * projection has applied at least that version of the subject (bounded staleness).
 */
public record ConsistencyToken(String source, String subject, long version) {

    public static ConsistencyToken parse(String token) {
        if (token == null) {
            throw new IllegalArgumentException("consistency token is missing");
        }
        int first = token.indexOf(':');
        int last = token.lastIndexOf(':');
        if (first <= 0 || last <= first + 1 || last == token.length() - 1) {
            throw new IllegalArgumentException("consistency token must be source:subject:version");
        }
        try {
            long version = Long.parseLong(token.substring(last + 1));
            return new ConsistencyToken(token.substring(0, first), token.substring(first + 1, last), version);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("consistency token version must be a number");
        }
    }

    @Override
    public String toString() {
        return source + ":" + subject + ":" + version;
    }
}
