package io.tiergate.identity.abuse;

/** The client address a per-address limit counts against. */
final class ClientAddress {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    static final String UNKNOWN = "unknown";

    private ClientAddress() {}

    /**
     * The first X-Forwarded-For hop (the client as the first proxy saw it) when that header is trusted and
     * present, else the peer's address.
     */
    static String of(String forwardedFor, String remoteAddress, boolean trustForwardedFor) {
        if (trustForwardedFor && forwardedFor != null) {
            int comma = forwardedFor.indexOf(',');
            String first = (comma < 0 ? forwardedFor : forwardedFor.substring(0, comma)).strip();
            if (!first.isEmpty()) {
                return first;
            }
        }
        return remoteAddress == null || remoteAddress.isBlank() ? UNKNOWN : remoteAddress;
    }
}
