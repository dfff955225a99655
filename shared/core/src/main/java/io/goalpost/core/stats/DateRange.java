package io.goalpost.core.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The UTC days a stats request covers, both ends inclusive (SPEC §4): by default the 30 days that
 * end today, never more than {@value #MAX_DAYS} days.
 */
public record DateRange(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;
    static final int DEFAULT_DAYS = 30;

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public DateRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /**
     * The range the query parameters ask for; {@code null} means absent. A missing {@code to} is
     * today; a missing {@code from} is 29 days before {@code to}, which is today−29 when neither
     * is given, and keeps a lone {@code to} in the past a valid 30-day range.
     *
     * @throws InvalidDateRange naming what is wrong (never echoing the input)
     */
    public static DateRange parse(String from, String to, Clock clock) throws InvalidDateRange {
        LocalDate last = to == null ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) : date(to, "to");
        LocalDate first = from == null ? last.minusDays(DEFAULT_DAYS - 1) : date(from, "from");
        if (first.isAfter(last)) {
            throw new InvalidDateRange("from must not be after to");
        }
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        if (days > MAX_DAYS) {
            throw new InvalidDateRange("from … to spans " + days + " days; at most " + MAX_DAYS + " are allowed");
        }
        return new DateRange(first, last);
    }

    /** How many days the range covers. */
    public int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    private static LocalDate date(String text, String name) throws InvalidDateRange {
        if (DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException noSuchDay) {
                // Falls through: 2025-02-30 is as wrong as "yesterday".
            }
        }
        throw new InvalidDateRange(name + " must be a date as YYYY-MM-DD (UTC)");
    }

    /** Why a requested range cannot be answered; the message reads as an API error. */
    public static final class InvalidDateRange extends Exception {

        private static final long serialVersionUID = 1L;

        InvalidDateRange(String message) {
            super(message);
        }
    }
}
