package io.goalpost.core.product;

import io.goalpost.core.counter.Counter;
import io.goalpost.core.counter.CounterStore;
import io.goalpost.core.counter.Fields;
import io.goalpost.core.stats.DateRange;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The product list and a product's stats (SPEC §4), read from the catalog and the product day counters. */
public final class ProductStatistics {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;
    private static final Pattern PRODUCT_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Pattern LIMIT = Pattern.compile("[0-9]{1,3}");
    private static final String REVENUE = Fields.revenue("");
    private static final String REFUNDED = Fields.refunded("");

    private final ProductCatalog catalog;
    private final CounterStore counters;
    private final Clock clock;

    public ProductStatistics(ProductCatalog catalog, CounterStore counters, Clock clock) {
        this.catalog = Objects.requireNonNull(catalog);
        this.counters = Objects.requireNonNull(counters);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * One page of products, ascending by id, each with its totals over the default range
     * (today−29 … today). {@code limit} and {@code cursor} as the request gave them, null when absent.
     */
    public ProductListResult list(String limit, String cursor) {
        if (limit != null && (!LIMIT.matcher(limit).matches()
                || Integer.parseInt(limit) < 1 || Integer.parseInt(limit) > MAX_LIMIT)) {
            return new ProductListResult.Invalid("limit must be an integer from 1 to " + MAX_LIMIT);
        }
        int size = limit == null ? DEFAULT_LIMIT : Integer.parseInt(limit);
        String after = null;
        if (cursor != null) {
            after = productIdIn(cursor);
            if (after == null) {
                return new ProductListResult.Invalid("cursor is not one this API gave out");
            }
        }
        DateRange range = defaultRange();
        // One more than asked: whether it comes back says whether there is a next page.
        List<Product> found = catalog.list(size + 1, after);
        List<Product> page = found.size() > size ? found.subList(0, size) : found;
        List<ProductListResult.Entry> items = new ArrayList<>(page.size());
        for (Product product : page) {
            items.add(new ProductListResult.Entry(product, read(product.productId(), range)));
        }
        String next = found.size() > size ? cursorAfter(page.get(page.size() - 1).productId()) : null;
        return new ProductListResult.Page(items, next);
    }

    /** {@code from} and {@code to} as the request gave them: {@code YYYY-MM-DD}, or null when absent. */
    public ProductStatsResult forProduct(String productId, String from, String to) {
        if (productId == null || !PRODUCT_ID.matcher(productId).matches()) {
            return new ProductStatsResult.Invalid("productId must be 1-64 characters of A-Z, a-z, 0-9, _ . : and -");
        }
        DateRange range;
        try {
            range = DateRange.parse(from, to, clock);
        } catch (DateRange.InvalidDateRange invalid) {
            return new ProductStatsResult.Invalid(invalid.getMessage());
        }
        // No catalog lookup: a product never seen simply has no counters, and answers zeros.
        return new ProductStatsResult.Found(read(productId, range));
    }

    private ProductStats read(String productId, DateRange range) {
        return statsOf(productId, range, counters.read(Counter.Subject.PRODUCT, productId, range.from(), range.to()));
    }

    static ProductStats statsOf(String productId, DateRange range, SortedMap<LocalDate, Map<String, Long>> days) {
        List<ProductStats.Day> daily = new ArrayList<>(range.days());
        Map<String, Long> totals = new TreeMap<>();
        for (LocalDate date = range.from(); !date.isAfter(range.to()); date = date.plusDays(1)) {
            Map<String, Long> fields = days.getOrDefault(date, Map.of());
            fields.forEach((field, amount) -> totals.merge(field, amount, Long::sum));
            daily.add(new ProductStats.Day(date, count(fields, Fields.CHECKOUT_VIEWS),
                    count(fields, Fields.CHECKOUT_VISITORS), count(fields, Fields.SALES), count(fields, Fields.REBILLS),
                    count(fields, Fields.REFUNDS), perCurrency(fields, REVENUE), perCurrency(fields, REFUNDED)));
        }
        return new ProductStats(productId, range, count(totals, Fields.CHECKOUT_VIEWS),
                count(totals, Fields.CHECKOUT_VISITORS), count(totals, Fields.SALES), count(totals, Fields.REBILLS),
                count(totals, Fields.REFUNDS), perCurrency(totals, REVENUE), perCurrency(totals, REFUNDED), daily);
    }

    private DateRange defaultRange() {
        try {
            return DateRange.parse(null, null, clock);
        } catch (DateRange.InvalidDateRange impossible) {
            throw new IllegalStateException("the default range is always valid", impossible);
        }
    }

    /** Opaque to callers; it names the last product of the page, so a new product never shifts pages. */
    static String cursorAfter(String productId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(productId.getBytes(StandardCharsets.UTF_8));
    }

    private static String productIdIn(String cursor) {
        try {
            String productId = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return PRODUCT_ID.matcher(productId).matches() ? productId : null;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static long count(Map<String, Long> fields, String field) {
        return fields.getOrDefault(field, 0L);
    }

    /** {@code revenue.USD → USD}; a currency that sums to zero is left out. */
    private static SortedMap<String, Long> perCurrency(Map<String, Long> fields, String prefix) {
        SortedMap<String, Long> amounts = new TreeMap<>();
        fields.forEach((field, amount) -> {
            if (field.startsWith(prefix) && amount != 0L) {
                amounts.put(field.substring(prefix.length()), amount);
            }
        });
        return amounts;
    }
}
