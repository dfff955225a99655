package io.goalpost.core.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.counter.Counter;
import io.goalpost.core.counter.Delta;
import io.goalpost.core.counter.Fields;
import io.goalpost.core.counter.Operation;
import io.goalpost.testing.InMemoryCounterStore;
import io.goalpost.testing.InMemoryProductCatalog;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

// Lives beside the fakes (shared/testing) because the core cannot depend on them.
class ProductStatisticsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-01T09:00:00Z"), ZoneOffset.UTC);
    private static final Instant SEEN = Instant.parse("2025-03-01T10:00:00Z");
    private static final String USD = Fields.revenue("USD");
    private static final String EUR = Fields.revenue("EUR");

    private final InMemoryProductCatalog catalog = new InMemoryProductCatalog();
    private final InMemoryCounterStore counters = new InMemoryCounterStore();
    private final ProductStatistics statistics = new ProductStatistics(catalog, counters, CLOCK);
    private int ops;

    @Test
    void sumsEveryProductCounterOfTheRangeAndLaysThemOutDayByDay() {
        count("prod_club", "2025-03-30", Map.of(Fields.CHECKOUT_VIEWS, 10L, Fields.CHECKOUT_VISITORS, 6L));
        count("prod_club", "2025-03-30", Map.of(Fields.SALES, 2L, USD, 9800L));
        count("prod_club", "2025-04-01", Map.of(Fields.CHECKOUT_VIEWS, 4L, Fields.CHECKOUT_VISITORS, 3L,
                Fields.SALES, 1L, Fields.REBILLS, 2L, USD, 14700L, EUR, 2900L));
        count("prod_club", "2025-04-01", Map.of(Fields.REFUNDS, 1L, Fields.refunded("USD"), 1500L));
        count("prod_other", "2025-04-01", Map.of(Fields.SALES, 7L));

        ProductStats stats = found("prod_club", "2025-03-30", "2025-04-01");

        assertThat(stats.productId()).isEqualTo("prod_club");
        assertThat(stats.checkoutViews()).isEqualTo(14);
        assertThat(stats.checkoutVisitors()).isEqualTo(9);
        assertThat(stats.sales()).isEqualTo(3);
        assertThat(stats.rebills()).isEqualTo(2);
        assertThat(stats.refunds()).isEqualTo(1);
        assertThat(stats.revenue()).containsExactly(Map.entry("EUR", 2900L), Map.entry("USD", 24500L));
        assertThat(stats.refunded()).containsExactly(Map.entry("USD", 1500L));
        assertThat(stats.daily()).extracting(ProductStats.Day::date).containsExactly(
                LocalDate.parse("2025-03-30"), LocalDate.parse("2025-03-31"), LocalDate.parse("2025-04-01"));
        assertThat(stats.daily().get(0)).isEqualTo(new ProductStats.Day(LocalDate.parse("2025-03-30"), 10, 6, 2, 0, 0,
                new java.util.TreeMap<>(Map.of("USD", 9800L)), new java.util.TreeMap<>()));
        assertThat(stats.daily().get(1).sales()).isZero();
        assertThat(stats.daily().get(1).revenue()).isEmpty();
        assertThat(stats.daily().get(2).refunded()).containsExactly(Map.entry("USD", 1500L));
    }

    @Test
    void answersZerosForAProductNobodyHasSeen() {
        ProductStats stats = found("prod_never_seen", null, null);

        assertThat(stats.sales()).isZero();
        assertThat(stats.revenue()).isEmpty();
        assertThat(stats.daily()).hasSize(30).allSatisfy(day -> assertThat(day.checkoutViews()).isZero());
        assertThat(stats.range().from()).isEqualTo(LocalDate.parse("2025-03-03"));
        assertThat(stats.range().to()).isEqualTo(LocalDate.parse("2025-04-01"));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "prod_club, 2025-04-02, 2025-04-01, from must not be after to",
        "prod_club, 2024-01-01, 2025-04-01, at most 366",
        "prod_club, yesterday, null, from must be a date",
        "'spring sale!', null, null, productId must be"})
    void refusesWhatItCannotAnswerSayingWhy(String productId, String from, String to, String message) {
        assertThat(statistics.forProduct(productId, from, to)).isInstanceOfSatisfying(ProductStatsResult.Invalid.class,
                invalid -> assertThat(invalid.message()).contains(message));
    }

    @Test
    void listsProductsWithTheirTotalsOfTheLast30Days() {
        catalog.register("prod_b", SEEN);
        catalog.register("prod_a", SEEN.plusSeconds(5));
        count("prod_a", "2025-03-03", Map.of(Fields.SALES, 1L, USD, 100L));
        count("prod_a", "2025-03-02", Map.of(Fields.SALES, 5L, USD, 500L));
        count("prod_a", "2025-04-01", Map.of(Fields.SALES, 2L, USD, 200L, Fields.REBILLS, 1L));

        ProductListResult.Page page = page(null, null);

        assertThat(page.items()).extracting(entry -> entry.product().productId()).containsExactly("prod_a", "prod_b");
        ProductListResult.Entry first = page.items().get(0);
        assertThat(first.product().firstSeen()).isEqualTo(SEEN.plusSeconds(5));
        assertThat(first.totals().sales()).as("2025-03-02 is outside today-29 ... today").isEqualTo(3);
        assertThat(first.totals().rebills()).isEqualTo(1);
        assertThat(first.totals().revenue()).containsExactly(Map.entry("USD", 300L));
        assertThat(page.items().get(1).totals().sales()).isZero();
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void pagesThroughTheCatalogWithTheCursorOfEachPage() {
        for (String id : List.of("p1", "p2", "p3", "p4", "p5")) {
            catalog.register(id, SEEN);
        }

        ProductListResult.Page first = page("2", null);
        ProductListResult.Page second = page("2", first.nextCursor());
        ProductListResult.Page third = page("2", second.nextCursor());

        assertThat(first.items()).extracting(e -> e.product().productId()).containsExactly("p1", "p2");
        assertThat(second.items()).extracting(e -> e.product().productId()).containsExactly("p3", "p4");
        assertThat(third.items()).extracting(e -> e.product().productId()).containsExactly("p5");
        assertThat(third.nextCursor()).isNull();
    }

    @Test
    void endsOnAPageThatIsExactlyFullWithoutANextCursor() {
        catalog.register("p1", SEEN);
        catalog.register("p2", SEEN);

        assertThat(page("2", null).nextCursor()).isNull();
    }

    @Test
    void listsFiftyProductsWhenNoLimitIsGiven() {
        for (int i = 0; i < 51; i++) {
            catalog.register(String.format("p%03d", i), SEEN);
        }

        ProductListResult.Page page = page(null, null);

        assertThat(page.items()).hasSize(50);
        assertThat(page.nextCursor()).isNotNull();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "0, null, limit must be an integer from 1 to 100",
        "101, null, limit must be an integer from 1 to 100",
        "ten, null, limit must be an integer from 1 to 100",
        "-1, null, limit must be an integer from 1 to 100",
        "null, '%%%', cursor is not one this API gave out",
        "null, c3ByaW5nIHNhbGUh, cursor is not one this API gave out"})
    void refusesALimitOrCursorItCannotUse(String limit, String cursor, String message) {
        assertThat(statistics.list(limit, cursor)).isEqualTo(new ProductListResult.Invalid(message));
    }

    private ProductListResult.Page page(String limit, String cursor) {
        ProductListResult result = statistics.list(limit, cursor);
        assertThat(result).isInstanceOf(ProductListResult.Page.class);
        return (ProductListResult.Page) result;
    }

    private ProductStats found(String productId, String from, String to) {
        ProductStatsResult result = statistics.forProduct(productId, from, to);
        assertThat(result).isInstanceOf(ProductStatsResult.Found.class);
        return ((ProductStatsResult.Found) result).stats();
    }

    private void count(String productId, String day, Map<String, Long> amounts) {
        counters.apply(new Operation("test#" + ops++,
                List.of(new Delta(Counter.product(productId, LocalDate.parse(day)), amounts))));
    }
}
