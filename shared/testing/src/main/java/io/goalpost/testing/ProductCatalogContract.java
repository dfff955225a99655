package io.goalpost.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.product.Product;
import io.goalpost.core.product.ProductCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every ProductCatalog must do. Extend it with a catalog to check (the in-memory fake and
 * the DynamoDB adapter both do), so the fake the unit tests lean on cannot drift from the real
 * one. The catalog must start empty for each test.
 */
public abstract class ProductCatalogContract {

    private static final Instant T0 = Instant.parse("2025-04-01T09:30:00.123Z");

    /** The catalog under test, empty at the start of each test; return the same one within a test. */
    protected abstract ProductCatalog catalog();

    @Test
    void listsNothingWhenNothingIsRegistered() {
        assertThat(catalog().list(10, null)).isEmpty();
    }

    @Test
    void listsARegisteredProductWithTheTimeItWasFirstSeen() {
        catalog().register("prod_spring", T0);

        assertThat(catalog().list(10, null)).containsExactly(new Product("prod_spring", T0));
    }

    @Test
    void keepsOneEntryPerProductHoweverOftenItIsRegistered() {
        catalog().register("prod_spring", T0);
        catalog().register("prod_spring", T0);
        catalog().register("prod_spring", T0.plusSeconds(60));

        assertThat(catalog().list(10, null)).containsExactly(new Product("prod_spring", T0));
    }

    @Test
    void keepsTheEarliestTimeWhateverOrderTheRegistrationsComeIn() {
        catalog().register("prod_late_first", T0.plusSeconds(3600));
        catalog().register("prod_late_first", T0);
        catalog().register("prod_early_first", T0);
        catalog().register("prod_early_first", T0.plusSeconds(3600));

        assertThat(catalog().list(10, null)).containsExactly(
                new Product("prod_early_first", T0), new Product("prod_late_first", T0));
    }

    @Test
    void keepsTimesToTheMillisecond() {
        catalog().register("prod_precise", Instant.parse("2025-04-01T09:30:00.123456789Z"));

        assertThat(catalog().list(1, null)).containsExactly(
                new Product("prod_precise", Instant.parse("2025-04-01T09:30:00.123Z")));
    }

    @Test
    void listsProductsAscendingByIdWhateverOrderTheyWereRegisteredIn() {
        for (String id : List.of("prod_c", "prod_a", "prod_b", "prod_A", "prod_a.2")) {
            catalog().register(id, T0);
        }

        assertThat(catalog().list(10, null)).extracting(Product::productId)
                .containsExactly("prod_A", "prod_a", "prod_a.2", "prod_b", "prod_c");
    }

    @Test
    void givesAtMostTheLimitAndContinuesAfterTheProductItIsGiven() {
        for (int i = 0; i < 7; i++) {
            catalog().register("prod_" + i, T0.plusSeconds(i));
        }

        List<String> seen = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 3; page++) {
            List<Product> products = catalog().list(3, after);
            assertThat(products).hasSizeLessThanOrEqualTo(3);
            products.forEach(product -> seen.add(product.productId()));
            after = products.isEmpty() ? after : products.get(products.size() - 1).productId();
        }

        assertThat(seen).containsExactly("prod_0", "prod_1", "prod_2", "prod_3", "prod_4", "prod_5", "prod_6");
        assertThat(catalog().list(3, "prod_6")).isEmpty();
    }

    @Test
    void startsAfterAnIdThatIsNotItselfRegistered() {
        catalog().register("prod_a", T0);
        catalog().register("prod_c", T0);

        assertThat(catalog().list(10, "prod_b")).extracting(Product::productId).containsExactly("prod_c");
    }
}
