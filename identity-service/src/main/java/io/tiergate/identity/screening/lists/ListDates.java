package io.tiergate.identity.screening.lists;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates of birth as lists write them, to ISO {@code yyyy-MM-dd}, {@code yyyy-MM} or {@code yyyy}. Each method
 * answers empty for what it cannot read (a range, "circa early 1970s", 31 Feb): one unreadable date must not cost
 * the entry.
 */
final class ListDates {

    private static final int MIN_YEAR = 1800;
    private static final int MAX_YEAR = 2100;

    private static final DateTimeFormatter OFAC_DAY = english("d MMM uuuu");
    private static final DateTimeFormatter OFAC_MONTH = english("MMM uuuu");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

    private ListDates() {}

    /** OFAC: "01 Jan 1970", "Jan 1970", "1970", each optionally after "circa". */
    static Optional<String> ofac(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        if (value.regionMatches(true, 0, "circa ", 0, 6)) {
            value = value.substring(6).strip();
        }
        if (YEAR.matcher(value).matches()) {
            return year(Integer.parseInt(value));
        }
        try {
            return Optional.of(LocalDate.parse(value, OFAC_DAY))
                    .flatMap(ListDates::plausible)
                    .map(LocalDate::toString);
        } catch (DateTimeParseException notADay) {
            try {
                YearMonth month = YearMonth.parse(value, OFAC_MONTH);
                return year(month.getYear()).map(y -> month.toString());
            } catch (DateTimeParseException notAMonth) {
                return Optional.empty();
            }
        }
    }

    /** ISO "1970-01-01", "1970-01" or "1970"; a time after a 'T' is ignored. */
    static Optional<String> iso(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        int time = value.indexOf('T');
        Matcher m = ISO.matcher(time > 0 ? value.substring(0, time) : value);
        if (!m.matches()) {
            return Optional.empty();
        }
        return fromParts(
                Integer.parseInt(m.group(1)),
                m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    /** OFSI "dd/mm/yyyy" where 00 marks an unknown day or month: "00/00/1970" is 1970, "00/03/1970" is 1970-03. */
    static Optional<String> dayMonthYear(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = DAY_MONTH_YEAR.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return fromParts(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
    }

    /** Year, month and day where 0 is unknown; an unknown month makes the day meaningless. */
    static Optional<String> fromParts(int year, int month, int day) {
        if (month == 0) {
            return year(year);
        }
        try {
            if (day == 0) {
                YearMonth yearMonth = YearMonth.of(year, month);
                return year(year).map(y -> yearMonth.toString());
            }
            return plausible(LocalDate.of(year, month, day)).map(LocalDate::toString);
        } catch (DateTimeException invalid) {
            return Optional.empty();
        }
    }

    private static Optional<String> year(int year) {
        return year >= MIN_YEAR && year <= MAX_YEAR ? Optional.of(String.valueOf(year)) : Optional.empty();
    }

    private static Optional<LocalDate> plausible(LocalDate date) {
        return year(date.getYear()).map(y -> date);
    }

    private static DateTimeFormatter english(String pattern) {
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(pattern)
                .toFormatter(Locale.ENGLISH)
                .withResolverStyle(ResolverStyle.STRICT);
    }
}
