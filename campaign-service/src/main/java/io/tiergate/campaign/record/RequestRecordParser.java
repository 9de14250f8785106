package io.tiergate.campaign.record;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.common.net.InetAddresses;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Reads one request record (a JSON object, exactly the gateway schema) with a streaming parser, and refuses it with
 * a {@link Rejection} naming the field when it does not hold. Unknown fields are ignored, so a gateway may add one
 * before the service knows it. Never throws on bad input.
 */
public final class RequestRecordParser {

    /** Longer lines are refused before parsing: no request record needs this much. */
    public static final int MAX_LINE_CHARS = 16_384;

    private static final int MAX_TEXT = 512;

    private static final JsonFactory JSON = new JsonFactory();

    /** The record, or the reason it was refused. */
    public record Result(RequestRecord record, Rejection rejection) {
        public boolean valid() {
            return record != null;
        }
    }

    private RequestRecordParser() {}

    public static Result parse(String line) {
        if (line == null || line.isBlank()) {
            return reject(Rejection.MALFORMED_JSON, null, "empty record");
        }
        if (line.length() > MAX_LINE_CHARS) {
            return reject(Rejection.TOO_LARGE, null, "a record may hold at most " + MAX_LINE_CHARS + " characters");
        }
        try {
            return read(JSON.createParser(line));
        } catch (IOException e) {
            return reject(Rejection.MALFORMED_JSON, null, "not valid JSON");
        }
    }

    /**
     * The same from the record's UTF-8 bytes, as they come off the topic: parsing bytes skips decoding the whole
     * record into a String first (the stream's hottest step). Invalid UTF-8 is malformed JSON.
     */
    public static Result parse(byte[] line) {
        if (line == null || line.length > MAX_LINE_CHARS) {
            // a long line may still be short in characters: the String path counts them
            return parse(line == null ? null : new String(line, java.nio.charset.StandardCharsets.UTF_8));
        }
        boolean blank = true;
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                blank = false;
                break;
            }
        }
        if (blank) {
            return reject(Rejection.MALFORMED_JSON, null, "empty record");
        }
        try {
            return read(JSON.createParser(line));
        } catch (IOException e) {
            return reject(Rejection.MALFORMED_JSON, null, "not valid JSON");
        }
    }

    private static Result read(JsonParser parser) {
        Fields f = new Fields();
        try (JsonParser p = parser) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return reject(Rejection.NOT_AN_OBJECT, null, "a request record is a JSON object");
            }
            JsonToken token;
            while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                Rejection bad = f.read(name, value, p);
                if (bad != null) {
                    return new Result(null, bad);
                }
            }
            if (token != JsonToken.END_OBJECT || p.nextToken() != null) {
                return reject(Rejection.MALFORMED_JSON, null, "trailing content after the record");
            }
        } catch (IOException e) {
            return reject(Rejection.MALFORMED_JSON, null, "not valid JSON");
        }
        return f.build();
    }

    private static Result reject(String code, String field, String detail) {
        return new Result(null, new Rejection(code, field, detail));
    }

    private static Rejection invalid(String field, String detail) {
        return new Rejection(Rejection.INVALID_FIELD, field, field + " " + detail);
    }

    /** The fields as read, before the checks that span them. */
    private static final class Fields {
        String ts,
                requestId,
                accountId,
                orgId,
                capability,
                clientIp,
                userAgent,
                deviceId,
                payment,
                simhash,
                registeredAt;
        Long inputTokens, outputTokens, asn;
        Boolean cot;

        Rejection read(String name, JsonToken value, JsonParser p) throws IOException {
            switch (name) {
                case "ts" -> ts = text(value, p);
                case "requestId" -> requestId = text(value, p);
                case "accountId" -> accountId = text(value, p);
                case "orgId" -> orgId = text(value, p);
                case "capability" -> capability = text(value, p);
                case "clientIp" -> clientIp = text(value, p);
                case "userAgent" -> userAgent = text(value, p);
                case "deviceId" -> deviceId = text(value, p);
                case "paymentFingerprint" -> payment = text(value, p);
                case "promptSimhash" -> simhash = text(value, p);
                case "registeredAt" -> registeredAt = text(value, p);
                case "inputTokens" -> inputTokens = number(value, p);
                case "outputTokens" -> outputTokens = number(value, p);
                case "asn" -> asn = number(value, p);
                case "cotElicitation" -> {
                    if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE) {
                        cot = value == JsonToken.VALUE_TRUE;
                    } else if (value != JsonToken.VALUE_NULL) {
                        return invalid(name, "must be true or false");
                    }
                }
                default -> p.skipChildren();
            }
            if (WRONG_TYPE.equals(ts)
                    || WRONG_TYPE.equals(requestId)
                    || WRONG_TYPE.equals(accountId)
                    || WRONG_TYPE.equals(orgId)
                    || WRONG_TYPE.equals(capability)
                    || WRONG_TYPE.equals(clientIp)
                    || WRONG_TYPE.equals(userAgent)
                    || WRONG_TYPE.equals(deviceId)
                    || WRONG_TYPE.equals(payment)
                    || WRONG_TYPE.equals(simhash)
                    || WRONG_TYPE.equals(registeredAt)) {
                return invalid(name, "must be a string");
            }
            if (inputTokens != null && inputTokens == Long.MIN_VALUE
                    || outputTokens != null && outputTokens == Long.MIN_VALUE
                    || asn != null && asn == Long.MIN_VALUE) {
                return invalid(name, "must be a whole number");
            }
            return null;
        }

        Result build() {
            Rejection missing = missing();
            if (missing != null) {
                return new Result(null, missing);
            }
            long time, registered;
            try {
                time = epochMillis(ts);
            } catch (DateTimeParseException e) {
                return new Result(null, invalid("ts", "must be an ISO-8601 UTC time"));
            }
            try {
                registered = epochMillis(registeredAt);
            } catch (DateTimeParseException e) {
                return new Result(null, invalid("registeredAt", "must be an ISO-8601 UTC time"));
            }
            if (orgId != null) {
                try {
                    UUID.fromString(orgId);
                } catch (IllegalArgumentException e) {
                    return new Result(null, invalid("orgId", "must be a UUID or null"));
                }
            }
            if (inputTokens < 0 || outputTokens < 0) {
                return new Result(
                        null, invalid(inputTokens < 0 ? "inputTokens" : "outputTokens", "must not be negative"));
            }
            if (asn < 0 || asn > 4_294_967_295L) {
                return new Result(null, invalid("asn", "must be an AS number (0 to 4294967295)"));
            }
            if (simhash.length() != 16 || !isHex(simhash)) {
                return new Result(null, invalid("promptSimhash", "must be 16 hexadecimal digits"));
            }
            String prefix;
            try {
                prefix = prefixOf(InetAddresses.forString(clientIp));
            } catch (IllegalArgumentException notAnAddress) {
                return new Result(null, invalid("clientIp", "must be an IPv4 or IPv6 address"));
            }
            for (String text : new String[] {requestId, accountId, capability}) {
                if (text.isBlank() || text.length() > MAX_TEXT) {
                    String field = text == requestId ? "requestId" : text == accountId ? "accountId" : "capability";
                    return new Result(null, invalid(field, "must be 1 to " + MAX_TEXT + " characters"));
                }
            }
            return new Result(
                    new RequestRecord(
                            time,
                            requestId,
                            accountId,
                            orgId,
                            capability,
                            inputTokens,
                            outputTokens,
                            clientIp,
                            prefix,
                            asn,
                            clip(userAgent),
                            clip(deviceId),
                            clip(payment),
                            Long.parseUnsignedLong(simhash, 16),
                            cot,
                            registered),
                    null);
        }

        private Rejection missing() {
            String[] names = {
                "ts",
                "requestId",
                "accountId",
                "capability",
                "clientIp",
                "promptSimhash",
                "registeredAt",
                "inputTokens",
                "outputTokens",
                "asn",
                "cotElicitation"
            };
            Object[] values = {
                ts,
                requestId,
                accountId,
                capability,
                clientIp,
                simhash,
                registeredAt,
                inputTokens,
                outputTokens,
                asn,
                cot
            };
            for (int i = 0; i < names.length; i++) {
                if (values[i] == null) {
                    return new Rejection(Rejection.MISSING_FIELD, names[i], names[i] + " is required");
                }
            }
            return null;
        }

        private static final String WRONG_TYPE = new String("\u0000wrong-type");

        private static String text(JsonToken value, JsonParser p) throws IOException {
            if (value == JsonToken.VALUE_NULL) {
                return null;
            }
            if (value != JsonToken.VALUE_STRING) {
                p.skipChildren();
                return WRONG_TYPE;
            }
            return p.getText();
        }

        private static Long number(JsonToken value, JsonParser p) throws IOException {
            if (value == JsonToken.VALUE_NULL) {
                return null;
            }
            if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                p.skipChildren();
                return Long.MIN_VALUE;
            }
            return p.getLongValue();
        }
    }

    /**
     * {@link Instant#parse}, with a fast path for the form gateways send ({@code 2026-10-05T08:40:45.503Z}): the
     * formatter costs more than the rest of the record's checks. Anything else, or a field out of range, takes
     * {@link Instant#parse}, so both accept and refuse the same texts.
     */
    static long epochMillis(String text) {
        if (text.length() == 24
                && text.charAt(4) == '-'
                && text.charAt(7) == '-'
                && text.charAt(10) == 'T'
                && text.charAt(13) == ':'
                && text.charAt(16) == ':'
                && text.charAt(19) == '.'
                && text.charAt(23) == 'Z') {
            int year = digits(text, 0, 4), month = digits(text, 5, 2), day = digits(text, 8, 2);
            int hour = digits(text, 11, 2), minute = digits(text, 14, 2), second = digits(text, 17, 2);
            int millis = digits(text, 20, 3);
            if (year >= 0
                    && month >= 1
                    && month <= 12
                    && day >= 1
                    && day <= 31
                    && hour >= 0
                    && hour <= 23
                    && minute >= 0
                    && minute <= 59
                    && second >= 0
                    && second <= 59
                    && millis >= 0) {
                try {
                    long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
                    return ((epochDay * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
                } catch (java.time.DateTimeException noSuchDay) {
                    // 30 February and the like: Instant.parse refuses it in its own words
                }
            }
        }
        return Instant.parse(text).toEpochMilli();
    }

    /** The decimal number in text[from, from + count), or -1 if a character there is not an ASCII digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }

    /** The /24 of an IPv4 address, the /48 of an IPv6 one, in CIDR notation. */
    static String prefixOf(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + ".0/24";
        }
        byte[] net = new byte[16];
        System.arraycopy(b, 0, net, 0, 6);
        try {
            return InetAddresses.toAddrString(InetAddress.getByAddress(net)) + "/48";
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e); // sixteen bytes are always an address
        }
    }
}
