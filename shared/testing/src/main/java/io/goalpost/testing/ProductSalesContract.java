package io.goalpost.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.attribution.Conversion;
import io.goalpost.core.event.OrderEvent;
import io.goalpost.core.reconciliation.ProductSales;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** What every {@link ProductSales} must do; run against the in-memory fake and DynamoDB alike. */
public abstract class ProductSalesContract {

  private final String suffix = TestIds.suffix();

  protected abstract ProductSales sales();

  private Conversion sale(String order, String product, String at) {
    return Conversion.sale(new OrderEvent(OrderEvent.Kind.SALE, "orders:" + order + suffix, Instant.parse(at),
        order + suffix, null, product + suffix, 4900, "USD", null, "visitor" + suffix, null));
  }

  private String id(String order) {
    return Conversion.saleId(order + suffix);
  }

  @Test
  void listsAProductsSalesOfTheDaysAskedForEarliestFirstWithBothEndsIncluded() {
    sales().note(sale("late", "book", "2025-04-03T23:59:59.999Z"));
    sales().note(sale("early", "book", "2025-04-01T00:00:00Z"));
    sales().note(sale("before", "book", "2025-03-31T23:59:59.999Z"));
    sales().note(sale("after", "book", "2025-04-04T00:00:00Z"));
    sales().note(sale("middle", "book", "2025-04-02T12:00:00Z"));

    assertThat(sales().between("book" + suffix, LocalDate.parse("2025-04-01"), LocalDate.parse("2025-04-03")))
        .containsExactly(id("early"), id("middle"), id("late"));
  }

  @Test
  void keepsEachProductsSalesApart() {
    sales().note(sale("o1", "book", "2025-04-01T10:00:00Z"));
    sales().note(sale("o2", "course", "2025-04-01T10:00:00Z"));

    assertThat(sales().between("course" + suffix, LocalDate.parse("2025-04-01"), LocalDate.parse("2025-04-01")))
        .containsExactly(id("o2"));
    assertThat(sales().between("nothing" + suffix, LocalDate.parse("2025-04-01"), LocalDate.parse("2025-04-01")))
        .isEmpty();
  }

  @Test
  void notingASaleAgainListsItOnce() {
    sales().note(sale("o1", "book", "2025-04-01T10:00:00Z"));
    sales().note(sale("o1", "book", "2025-04-01T10:00:00Z"));

    assertThat(sales().between("book" + suffix, LocalDate.parse("2025-04-01"), LocalDate.parse("2025-04-01")))
        .containsExactly(id("o1"));
  }

  @Test
  void salesAtTheSameInstantAreListedByTheirIds() {
    sales().note(sale("b", "book", "2025-04-01T10:00:00Z"));
    sales().note(sale("a", "book", "2025-04-01T10:00:00Z"));

    assertThat(sales().between("book" + suffix, LocalDate.parse("2025-04-01"), LocalDate.parse("2025-04-01")))
        .containsExactly(id("a"), id("b"));
  }
}
