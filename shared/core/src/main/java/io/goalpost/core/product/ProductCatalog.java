package io.goalpost.core.product;

import java.time.Instant;
import java.util.List;

/**
 * The products Goalpost lists (SPEC §4 GET /api/products): those seen in signed sales or in link
 * goals, never from beacons alone — a page can name any product it likes.
 */
public interface ProductCatalog {

    /**
     * Records that the product was seen at {@code seenAt}. Idempotent, and order-independent: the
     * product keeps the earliest time any call gave it (to the millisecond), however often and in
     * whatever order the calls come.
     */
    void register(String productId, Instant seenAt);

    /**
     * At most {@code limit} products, ascending by id, starting after {@code afterProductId} (from
     * the first when null). Listing is for people: it may lag a registration by a moment.
     */
    List<Product> list(int limit, String afterProductId);
}
