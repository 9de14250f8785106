package io.tiergate.entitlement.jurisdiction;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.IncompatibleAddressException;
import inet.ipaddr.ipv4.IPv4AddressStringParameters;
import inet.ipaddr.ipv6.IPv6Address;
import inet.ipaddr.ipv6.IPv6AddressStringParameters;

/**
 * Parses IP address literals with the IPAddress library, which never resolves names. Only plain literals pass: an
 * IPv4 dotted quad in decimal without leading zeros, or an IPv6 address (compressed, full, or with an embedded dotted
 * quad). Refused: host names, prefixes and masks, wildcards and ranges, inet_aton forms ({@code 1}, {@code 127.1},
 * {@code 0x7f.0.0.1}), binary and base-85 forms, zones ({@code fe80::1%eth0}), brackets and surrounding whitespace.
 */
final class IpLiterals {

    /** The longest IPv6 literal without a zone: {@code ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255}. */
    static final int MAX_LENGTH = 45;

    private static final IPAddressStringParameters PLAIN;

    static {
        IPAddressStringParameters.Builder any = new IPAddressStringParameters.Builder()
                .allowEmpty(false)
                .setEmptyAsLoopback(false)
                .allowAll(false)
                .allowSingleSegment(false)
                .allowPrefix(false)
                .allowMask(false)
                .allowPrefixOnly(false)
                .allow_inet_aton(false)
                .allowWildcardedSeparator(false)
                .setRangeOptions(RangeParameters.NO_RANGE);
        plainIPv4(any.getIPv4AddressParametersBuilder());
        IPv6AddressStringParameters.Builder v6 = any.getIPv6AddressParametersBuilder()
                .allowZone(false)
                .allowEmptyZone(false)
                .allowBase85(false)
                .allowBinary(false)
                .allowMixed(true)
                .allow_mixed_inet_aton(false)
                .allowWildcardedSeparator(false)
                .setRangeOptions(RangeParameters.NO_RANGE);
        v6.allowUnlimitedLeadingZeros(false); // up to four hex digits a segment, as RFC 4291 has it
        plainIPv4(v6.getEmbeddedIPv4AddressParametersBuilder());
        PLAIN = any.toParams();
    }

    private static void plainIPv4(IPv4AddressStringParameters.Builder v4) {
        v4.allow_inet_aton(false)
                .allowBinary(false)
                .allowWildcardedSeparator(false)
                .setRangeOptions(RangeParameters.NO_RANGE);
        v4.allowLeadingZeros(false); // 010 is octal to inet_aton and decimal to others: neither reading is safe
        v4.allowUnlimitedLeadingZeros(false);
    }

    private IpLiterals() {}

    /**
     * The single address the literal names, an IPv4-mapped IPv6 address ({@code ::ffff:1.2.3.4}) as its IPv4
     * address, or null when the text is not a plain literal.
     */
    static IPAddress parse(String literal) {
        if (literal == null
                || literal.isEmpty()
                || literal.length() > MAX_LENGTH
                || Character.isWhitespace(literal.charAt(0))
                || Character.isWhitespace(literal.charAt(literal.length() - 1))) {
            return null; // the library trims surrounding whitespace; a literal here is taken as it is
        }
        IPAddress address;
        try {
            address = new IPAddressString(literal, PLAIN).toAddress();
        } catch (AddressStringException | IncompatibleAddressException e) {
            return null;
        }
        if (address == null || address.isMultiple() || address.isPrefixed()) {
            return null;
        }
        if (address.isIPv6()) {
            IPv6Address v6 = address.toIPv6();
            if (v6.isIPv4Mapped()) {
                return v6.getEmbeddedIPv4Address();
            }
        }
        return address;
    }
}
