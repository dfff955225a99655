package io.goalpost.core.product;

/** What asking for a product's stats came to. An unknown product is found, with zeros (SPEC §4). */
public sealed interface ProductStatsResult {

    record Found(ProductStats stats) implements ProductStatsResult {
    }

    /** The product id or the dates cannot be answered; the message reads as an API error. */
    record Invalid(String message) implements ProductStatsResult {
    }
}
