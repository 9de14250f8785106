package io.tiergate.campaign.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestRecordParserTest {

    static final String VALID = """
            {"ts":"2026-11-02T10:15:00.123Z","requestId":"r-1","accountId":"acct-1","orgId":null,\
            "capability":"mythos-5:code","inputTokens":120,"outputTokens":800,"clientIp":"203.0.113.7","asn":14061,\
            "userAgent":"mythos-python/1.42.0","deviceId":"dev-1","paymentFingerprint":"pf_1",\
            "promptSimhash":"89abcdef01234567","cotElicitation":true,"registeredAt":"2026-10-30T08:00:00.000Z"}""";

    @Test
    void readsEveryFieldOfAValidRecord() {
        RequestRecordParser.Result r = RequestRecordParser.parse(VALID);
        assertTrue(r.valid(), () -> String.valueOf(r.rejection()));
        RequestRecord record = r.record();
        assertEquals(java.time.Instant.parse("2026-11-02T10:15:00.123Z").toEpochMilli(), record.ts());
        assertEquals("acct-1", record.accountId());
        assertNull(record.orgId());
        assertEquals("203.0.113.0/24", record.ipPrefix());
        assertEquals(14061, record.asn());
        assertEquals(0x89abcdef01234567L, record.promptSimhash());
        assertTrue(record.cotElicitation());
    }

    @Test
    void anIpv6AddressIsGroupedByItsSlash48() {
        RequestRecordParser.Result r = RequestRecordParser.parse(VALID.replace("203.0.113.7", "2001:db8:abcd:12::1"));
        assertEquals("2001:db8:abcd::/48", r.record().ipPrefix());
    }

    @Test
    void unknownFieldsAreIgnored() {
        assertTrue(RequestRecordParser.parse(VALID.replace("{\"ts\"", "{\"region\":\"eu\",\"ts\""))
                .valid());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"promptSimhash\":\"89abcdef01234567\"|\"promptSimhash\":\"89abcdef0123456\"|INVALID_FIELD|promptSimhash",
                "\"promptSimhash\":\"89abcdef01234567\"|\"promptSimhash\":\"89abcdef0123456z\"|INVALID_FIELD|promptSimhash",
                "\"clientIp\":\"203.0.113.7\"|\"clientIp\":\"example.com\"|INVALID_FIELD|clientIp",
                "\"clientIp\":\"203.0.113.7\"|\"clientIp\":\"203.0.113.300\"|INVALID_FIELD|clientIp",
                "\"ts\":\"2026-11-02T10:15:00.123Z\"|\"ts\":\"yesterday\"|INVALID_FIELD|ts",
                "\"orgId\":null|\"orgId\":\"not-a-uuid\"|INVALID_FIELD|orgId",
                "\"inputTokens\":120|\"inputTokens\":-1|INVALID_FIELD|inputTokens",
                "\"inputTokens\":120|\"inputTokens\":\"120\"|INVALID_FIELD|inputTokens",
                "\"asn\":14061|\"asn\":4294967296|INVALID_FIELD|asn",
                "\"cotElicitation\":true|\"cotElicitation\":\"yes\"|INVALID_FIELD|cotElicitation",
                "\"accountId\":\"acct-1\"|\"accountId\":\"\"|INVALID_FIELD|accountId",
                "\"accountId\":\"acct-1\"|\"accountId\":7|INVALID_FIELD|accountId",
                "\"accountId\":\"acct-1\",|\"\"|MALFORMED_JSON|",
                "\"requestId\":\"r-1\",|\"x\":1,|MISSING_FIELD|requestId"
            })
    void refusesABadFieldByName(String from, String to, String code, String field) {
        RequestRecordParser.Result r = RequestRecordParser.parse(VALID.replace(from, to));
        assertFalse(r.valid());
        assertEquals(code, r.rejection().code());
        assertEquals(field, r.rejection().field());
    }

    @Test
    void refusesWhatIsNotOneJsonObject() {
        assertEquals(
                Rejection.NOT_AN_OBJECT,
                RequestRecordParser.parse("[1,2]").rejection().code());
        assertEquals(
                Rejection.MALFORMED_JSON,
                RequestRecordParser.parse("{\"ts\":").rejection().code());
        assertEquals(
                Rejection.MALFORMED_JSON,
                RequestRecordParser.parse(VALID + "{}").rejection().code());
        assertEquals(
                Rejection.MALFORMED_JSON,
                RequestRecordParser.parse("  ").rejection().code());
        assertEquals(
                Rejection.TOO_LARGE,
                RequestRecordParser.parse("{\"a\":\"" + "x".repeat(20_000) + "\"}")
                        .rejection()
                        .code());
    }

    @Test
    void bytesOffTheTopicReadAsTheSameTextDoes() {
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        String[] lines = {
            VALID,
            VALID.replace("mythos-python/1.42.0", "агент/1.0 א"),
            "[1,2]",
            "{\"ts\":",
            "  ",
            VALID + "{}",
            VALID.replace("\"asn\":14061", "\"asn\":-1"),
            "{\"a\":\"" + "x".repeat(20_000) + "\"}"
        };
        for (String line : lines) {
            RequestRecordParser.Result text = RequestRecordParser.parse(line);
            RequestRecordParser.Result bytes = RequestRecordParser.parse(line.getBytes(utf8));
            assertEquals(text.valid(), bytes.valid(), line);
            assertEquals(text.record(), bytes.record(), line);
            assertEquals(text.rejection(), bytes.rejection(), line);
        }
    }

    @Test
    void invalidUtf8IsMalformedJson() {
        byte[] line = VALID.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int at = VALID.indexOf("mythos-python");
        line[at] = (byte) 0xC3; // a lead byte without its continuation
        line[at + 1] = (byte) 0x28;
        assertEquals(
                Rejection.MALFORMED_JSON,
                RequestRecordParser.parse(line).rejection().code());
    }

    @Test
    void theTimestampFastPathAgreesWithInstantParse() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 20_000; i++) {
            java.time.Instant t = java.time.Instant.ofEpochMilli(random.nextLong(0, 4_102_444_800_000L));
            String text = java.time.format.DateTimeFormatter.ISO_INSTANT.format(
                    t.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            String withMillis = text.length() == 24 ? text : text.replace("Z", ".000Z");
            assertEquals(
                    java.time.Instant.parse(withMillis).toEpochMilli(),
                    RequestRecordParser.epochMillis(withMillis),
                    withMillis);
        }
        for (String odd : new String[] {
            "2026-02-30T10:00:00.000Z",
            "2026-13-01T10:00:00.000Z",
            "2026-01-01T24:00:00.000Z",
            "2026-01-01T10:00:60.000Z",
            "2026-01-01T10:00:00.0a0Z",
            "2026-01-01 10:00:00.000Z",
            "+2026-01-01T10:00:00Z"
        }) {
            Long expected;
            try {
                expected = java.time.Instant.parse(odd).toEpochMilli();
            } catch (java.time.format.DateTimeParseException e) {
                expected = null;
            }
            Long actual;
            try {
                actual = RequestRecordParser.epochMillis(odd);
            } catch (java.time.format.DateTimeParseException e) {
                actual = null;
            }
            assertEquals(expected, actual, odd);
        }
        assertEquals(
                java.time.Instant.parse("2024-02-29T23:59:59.999Z").toEpochMilli(),
                RequestRecordParser.epochMillis("2024-02-29T23:59:59.999Z"));
    }
}
