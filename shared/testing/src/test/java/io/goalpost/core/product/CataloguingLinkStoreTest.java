package io.goalpost.core.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.link.Goal;
import io.goalpost.core.link.Link;
import io.goalpost.testing.InMemoryLinkStore;
import io.goalpost.testing.InMemoryProductCatalog;
import java.time.Instant;
import org.junit.jupiter.api.Test;

// Lives beside the fakes (shared/testing) because the core cannot depend on them.
class CataloguingLinkStoreTest {

    private static final Instant CREATED = Instant.parse("2025-04-01T09:00:00Z");

    private final InMemoryLinkStore links = new InMemoryLinkStore();
    private final InMemoryProductCatalog catalog = new InMemoryProductCatalog();
    private final CataloguingLinkStore store = new CataloguingLinkStore(links, catalog);

    private static Link link(String slug, Goal goal) {
        return new Link(slug, "Spring", "https://shop.example.com/spring", "ads", null, goal, 30, false, CREATED, false);
    }

    @Test
    void listsTheProductOfAPurchaseGoalWhenItsLinkIsStored() {
        assertThat(store.create(link("spring", Goal.purchase("prod_spring")))).isTrue();

        assertThat(catalog.list(10, null)).containsExactly(new Product("prod_spring", CREATED));
        assertThat(store.find("spring")).isEqualTo(links.find("spring")).isPresent();
    }

    @Test
    void listsNothingForGoalsThatNameNoProduct() {
        store.create(link("any-product", Goal.purchase(null)));
        store.create(link("opt-in", Goal.optIn("form-7")));
        store.create(link("no-goal", null));

        assertThat(catalog.list(10, null)).isEmpty();
        assertThat(links.size()).isEqualTo(3);
    }

    @Test
    void stillAnswersThatATakenSlugIsTaken() {
        store.create(link("spring", Goal.purchase("prod_spring")));

        assertThat(store.create(link("spring", Goal.purchase("prod_other")))).isFalse();
    }
}
