package io.tiergate.campaign.detection;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Texts in the account profile's stored form: a two-byte length and the characters in {@link java.io.DataOutput}'s
 * modified UTF-8 (NUL as two bytes, other characters as in UTF-8 up to U+FFFF), so profiles stored earlier still read.
 * Texts are at most 512 characters (the request record parser clips them), well within the two-byte length.
 */
final class Texts {

    private Texts() {}

    static int encodedLength(String s) {
        int n = 2;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c >= 1 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        if (n - 2 > 0xFFFF) {
            throw new IllegalArgumentException("text too long for the profile: " + s.length() + " characters");
        }
        return n;
    }

    /** Writes the text; its length is patched in after the characters, so it is not counted a second time. */
    static void write(ByteBuffer out, String s) {
        int lengthAt = out.position();
        out.putShort((short) 0);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 1 && c < 0x80) {
                out.put((byte) c);
            } else if (c < 0x800) {
                out.put((byte) (0xC0 | (c >> 6)));
                out.put((byte) (0x80 | (c & 0x3F)));
            } else {
                out.put((byte) (0xE0 | (c >> 12)));
                out.put((byte) (0x80 | ((c >> 6) & 0x3F)));
                out.put((byte) (0x80 | (c & 0x3F)));
            }
        }
        out.putShort(lengthAt, (short) (out.position() - lengthAt - 2));
    }

    static String read(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        int start = in.position();
        byte[] bytes = in.array();
        int at = in.arrayOffset() + start;
        boolean ascii = true;
        for (int i = 0; i < length && ascii; i++) {
            ascii = bytes[at + i] >= 0;
        }
        in.position(start + length);
        return ascii ? new String(bytes, at, length, StandardCharsets.ISO_8859_1) : decode(bytes, at, length);
    }

    private static String decode(byte[] bytes, int at, int length) {
        StringBuilder s = new StringBuilder(length);
        int i = at, end = at + length;
        while (i < end) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                s.append((char) b);
                i += 1;
            } else if ((b & 0xE0) == 0xC0 && i + 1 < end) {
                s.append((char) (((b & 0x1F) << 6) | (bytes[i + 1] & 0x3F)));
                i += 2;
            } else if ((b & 0xF0) == 0xE0 && i + 2 < end) {
                s.append((char) (((b & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F)));
                i += 3;
            } else {
                throw new IllegalStateException("malformed text in an account profile");
            }
        }
        return s.toString();
    }
}
