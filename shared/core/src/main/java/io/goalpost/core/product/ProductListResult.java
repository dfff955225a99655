package io.goalpost.core.product;

import java.util.List;

/** What asking for the product list came to. */
public sealed interface ProductListResult {

    /**
     * One page: each product with its totals over {@code today−29 … today}, and the cursor of the
     * next page, null on the last one.
     */
    record Page(List<Entry> items, String nextCursor) implements ProductListResult {
        public Page {
            items = List.copyOf(items);
        }
    }

    /** A listed product: when it was first seen, and its stats (read without their daily series). */
    record Entry(Product product, ProductStats totals) {
    }

    /** {@code limit} or {@code cursor} cannot be answered; the message reads as an API error. */
    record Invalid(String message) implements ProductListResult {
    }
}
