package io.tiergate.identity.document;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An ICAO 9303 machine-readable zone: TD3 (passport, 2 x 44) or TD1 (ID card, 3 x 30), with its fields and the
 * list of check digits that do not verify (weights 7, 3, 1; A-Z = 10-35; '<' = 0).
 */
public record Mrz(
        String documentNumber,
        String nationality,
        LocalDate dateOfBirth,
        LocalDate expiryDate,
        List<String> failedCheckDigits) {

    public static Mrz parse(List<String> lines) {
        if (lines.size() == 2 && lines.get(0).length() == 44 && lines.get(1).length() == 44) {
            return td3(lines.get(1));
        }
        if (lines.size() == 3 && lines.stream().allMatch(l -> l.length() == 30)) {
            return td1(lines.get(0), lines.get(1));
        }
        throw new IllegalArgumentException("an MRZ has 2 lines of 44 (passport) or 3 lines of 30 (ID card) characters");
    }

    private static Mrz td3(String line) {
        List<String> failed = new ArrayList<>();
        check(line, 0, 9, 9, "documentNumber", failed);
        check(line, 13, 19, 19, "dateOfBirth", failed);
        check(line, 21, 27, 27, "expiryDate", failed);
        if (line.charAt(42) != '<' || !line.substring(28, 42).chars().allMatch(c -> c == '<')) {
            check(line, 28, 42, 42, "personalNumber", failed);
        }
        String composite = line.substring(0, 10) + line.substring(13, 20) + line.substring(21, 43);
        if (digit(composite) != line.charAt(43) - '0') {
            failed.add("composite");
        }
        return new Mrz(
                strip(line.substring(0, 9)),
                strip(line.substring(10, 13)),
                date(line.substring(13, 19), false),
                date(line.substring(21, 27), true),
                failed);
    }

    private static Mrz td1(String first, String second) {
        List<String> failed = new ArrayList<>();
        check(first, 5, 14, 14, "documentNumber", failed);
        check(second, 0, 6, 6, "dateOfBirth", failed);
        check(second, 8, 14, 14, "expiryDate", failed);
        String composite =
                first.substring(5, 30) + second.substring(0, 7) + second.substring(8, 15) + second.substring(18, 29);
        if (digit(composite) != second.charAt(29) - '0') {
            failed.add("composite");
        }
        return new Mrz(
                strip(first.substring(5, 14)),
                strip(second.substring(15, 18)),
                date(second.substring(0, 6), false),
                date(second.substring(8, 14), true),
                failed);
    }

    private static void check(String line, int from, int to, int at, String field, List<String> failed) {
        if (digit(line.substring(from, to)) != line.charAt(at) - '0') {
            failed.add(field);
        }
    }

    /** The ICAO 9303 check digit of a field. */
    public static int digit(String field) {
        int[] weights = {7, 3, 1};
        int sum = 0;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            int value = c == '<' ? 0 : Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * weights[i % 3];
        }
        return sum % 10;
    }

    private static String strip(String field) {
        return field.replace("<", "");
    }

    /** YYMMDD: birth dates are in the past century when needed, expiry dates in this one. */
    private static LocalDate date(String yymmdd, boolean expiry) {
        try {
            int yy = Integer.parseInt(yymmdd.substring(0, 2));
            int thisYear = LocalDate.now().getYear() % 100;
            int century = expiry || yy <= thisYear ? 2000 : 1900;
            return LocalDate.parse(String.format(
                    Locale.ROOT, "%04d-%s-%s", century + yy, yymmdd.substring(2, 4), yymmdd.substring(4, 6)));
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }
}
