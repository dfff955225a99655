package io.goalpost.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DateRangeTest {

    /** Late evening in New York is already tomorrow in UTC: the range must follow UTC. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-01T23:30:00Z"), ZoneId.of("America/New_York"));

    private static DateRange parse(String from, String to) throws DateRange.InvalidDateRange {
        return DateRange.parse(from, to, CLOCK);
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void defaultsToTheThirtyDaysEndingTodayInUtc() throws Exception {
        DateRange range = parse(null, null);

        assertThat(range).isEqualTo(new DateRange(day("2025-03-03"), day("2025-04-01")));
        assertThat(range.days()).isEqualTo(30);
    }

    @Test
    void takesBothEndsInclusiveAsGiven() throws Exception {
        assertThat(parse("2025-01-31", "2025-02-01")).isEqualTo(new DateRange(day("2025-01-31"), day("2025-02-01")));
        assertThat(parse("2025-01-31", "2025-02-01").days()).isEqualTo(2);
    }

    @Test
    void acceptsASingleDay() throws Exception {
        assertThat(parse("2025-02-28", "2025-02-28").days()).isEqualTo(1);
    }

    @Test
    void endsTodayWhenOnlyFromIsGiven() throws Exception {
        assertThat(parse("2025-03-25", null)).isEqualTo(new DateRange(day("2025-03-25"), day("2025-04-01")));
    }

    @Test
    void startsTwentyNineDaysBeforeToWhenOnlyToIsGiven() throws Exception {
        assertThat(parse(null, "2024-12-31")).isEqualTo(new DateRange(day("2024-12-02"), day("2024-12-31")));
    }

    @Test
    void acceptsDaysAfterToday() throws Exception {
        assertThat(parse("2025-04-01", "2025-04-30").days()).isEqualTo(30);
    }

    @Test
    void acceptsALeapYearOf366Days() throws Exception {
        assertThat(parse("2024-01-01", "2024-12-31").days()).isEqualTo(366);
    }

    @Test
    void refusesARangeOver366Days() {
        assertThatThrownBy(() -> parse("2024-01-01", "2025-01-01"))
                .isInstanceOf(DateRange.InvalidDateRange.class).hasMessageContaining("367 days").hasMessageContaining("366");
    }

    @Test
    void refusesAnOnlyFromMoreThan366DaysAgo() {
        assertThatThrownBy(() -> parse("2020-01-01", null)).isInstanceOf(DateRange.InvalidDateRange.class);
    }

    @Test
    void refusesFromAfterTo() {
        assertThatThrownBy(() -> parse("2025-03-02", "2025-03-01"))
                .isInstanceOf(DateRange.InvalidDateRange.class).hasMessage("from must not be after to");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "yesterday", "2025-1-01", "2025-01-1", "20250101", "2025/01/01", "2025-02-30",
            "2025-13-01", "2025-00-10", "+2025-01-01", "02025-01-01", "2025-01-01T00:00:00Z", "2025-01-01 ",
            "２０２５-０１-０１", "2025-01-01,2025-01-02"})
    void refusesAMalformedDateNamingTheParameterWithoutEchoingIt(String malformed) {
        assertThatThrownBy(() -> parse(malformed, "2025-04-01"))
                .isInstanceOf(DateRange.InvalidDateRange.class).hasMessage("from must be a date as YYYY-MM-DD (UTC)");
        assertThatThrownBy(() -> parse("2025-03-01", malformed))
                .isInstanceOf(DateRange.InvalidDateRange.class).hasMessage("to must be a date as YYYY-MM-DD (UTC)");
    }
}
