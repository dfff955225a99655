package io.goalpost.testing;

import io.goalpost.core.product.Product;
import io.goalpost.core.product.ProductCatalog;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A ProductCatalog in a sorted map; {@link ProductCatalogContract} keeps it honest against the DynamoDB one. */
public final class InMemoryProductCatalog implements ProductCatalog {

    private final TreeMap<String, Instant> products = new TreeMap<>();

    @Override
    public synchronized void register(String productId, Instant seenAt) {
        products.merge(productId, seenAt.truncatedTo(ChronoUnit.MILLIS), (kept, offered) -> kept.isAfter(offered)
                ? offered : kept);
    }

    @Override
    public synchronized List<Product> list(int limit, String afterProductId) {
        Map<String, Instant> after = afterProductId == null ? products : products.tailMap(afterProductId, false);
        return after.entrySet().stream().limit(limit).map(e -> new Product(e.getKey(), e.getValue())).toList();
    }
}
