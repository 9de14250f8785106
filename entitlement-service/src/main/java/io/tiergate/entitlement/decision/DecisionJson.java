package io.tiergate.entitlement.decision;

import java.util.List;
import java.util.UUID;

/**
 * A {@link Decision} as JSON, written by hand into a buffer the thread reuses: the bytes Jackson writes for it
 * ({@code DecisionJsonTest} holds the two together), without a generator, a context or the UUID's characters per
 * answer. Only decisions whose strings are printable ASCII without quotes or backslashes and that carry no budgets are
 * written here; any other is left to Jackson ({@link #encode} says which).
 */
final class DecisionJson {

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** A growable byte buffer, one per thread. */
    static final class Buffer {
        byte[] bytes = new byte[1024];
        int size;

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        void ascii(String text) {
            int length = text.length();
            ensure(length);
            for (int i = 0; i < length; i++) {
                bytes[size++] = (byte) text.charAt(i);
            }
        }

        void quoted(String text) {
            ensure(text.length() + 2);
            bytes[size++] = '"';
            ascii(text);
            bytes[size++] = '"';
        }

        void uuid(UUID id) {
            ensure(38);
            bytes[size++] = '"';
            hex(id.getMostSignificantBits() >>> 32, 8);
            bytes[size++] = '-';
            hex(id.getMostSignificantBits() >>> 16, 4);
            bytes[size++] = '-';
            hex(id.getMostSignificantBits(), 4);
            bytes[size++] = '-';
            hex(id.getLeastSignificantBits() >>> 48, 4);
            bytes[size++] = '-';
            hex(id.getLeastSignificantBits(), 12);
            bytes[size++] = '"';
        }

        private void hex(long value, int digits) {
            for (int i = digits - 1; i >= 0; i--) {
                bytes[size + i] = HEX[(int) (value & 0xf)];
                value >>>= 4;
            }
            size += digits;
        }
    }

    private static final ThreadLocal<Buffer> BUFFERS = ThreadLocal.withInitial(Buffer::new);

    private DecisionJson() {}

    /** This thread's buffer, emptied. */
    static Buffer buffer() {
        Buffer buffer = BUFFERS.get();
        buffer.size = 0;
        return buffer;
    }

    /**
     * Writes the decision into {@code into}, as Jackson would; false (and nothing written) for a decision Jackson must
     * write: one with budgets, or with a string that is not plain printable ASCII.
     */
    static boolean encode(Decision decision, Buffer into) {
        if (!plain(decision)) {
            return false;
        }
        into.ascii("{\"decision\":");
        into.quoted(decision.decision().name());
        if (decision.reasons() != null) {
            into.ascii(",\"reasons\":[");
            List<Reason> reasons = decision.reasons();
            for (int i = 0; i < reasons.size(); i++) {
                into.ascii(i == 0 ? "{\"code\":" : ",{\"code\":");
                into.quoted(reasons.get(i).code());
                into.ascii(",\"message\":");
                into.quoted(reasons.get(i).message());
                into.ascii("}");
            }
            into.ascii("]");
        }
        if (decision.obligations() != null) {
            into.ascii(",\"obligations\":[");
            List<String> obligations = decision.obligations();
            for (int i = 0; i < obligations.size(); i++) {
                if (i > 0) {
                    into.ascii(",");
                }
                into.quoted(obligations.get(i));
            }
            into.ascii("]");
        }
        if (decision.policyVersion() != null) {
            into.ascii(",\"policyVersion\":");
            into.quoted(decision.policyVersion());
        }
        if (decision.consistencyToken() != null) {
            into.ascii(",\"consistencyToken\":");
            into.quoted(decision.consistencyToken());
        }
        if (decision.decisionId() != null) {
            into.ascii(",\"decisionId\":");
            into.uuid(decision.decisionId());
        }
        into.ascii("}");
        return true;
    }

    private static boolean plain(Decision decision) {
        if (decision.decision() == null || decision.budgets() != null) {
            return false;
        }
        if (decision.reasons() != null) {
            List<Reason> reasons = decision.reasons();
            for (int i = 0; i < reasons.size(); i++) {
                Reason reason = reasons.get(i);
                if (reason == null || !plain(reason.code()) || !plain(reason.message())) {
                    return false;
                }
            }
        }
        if (decision.obligations() != null) {
            List<String> obligations = decision.obligations();
            for (int i = 0; i < obligations.size(); i++) {
                if (!plain(obligations.get(i))) {
                    return false;
                }
            }
        }
        return (decision.policyVersion() == null || plain(decision.policyVersion()))
                && (decision.consistencyToken() == null || plain(decision.consistencyToken()));
    }

    /** Not null, and nothing Jackson would escape or encode as more than one byte. */
    static boolean plain(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
