package io.goalpost.core.product;

import java.time.Instant;
import java.util.Objects;

/** A product Goalpost knows: seen in a signed sale or named by a link's purchase goal, first at {@code firstSeen}. */
public record Product(String productId, Instant firstSeen) {

    public Product {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(firstSeen, "firstSeen");
    }
}
