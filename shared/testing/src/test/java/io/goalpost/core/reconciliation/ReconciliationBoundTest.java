package io.goalpost.core.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.attribution.Conversion;
import io.goalpost.core.attribution.Credit;
import io.goalpost.core.attribution.CreditPath;
import io.goalpost.core.attribution.WorkerStores;
import io.goalpost.testing.InMemoryWorkerStores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A report explains at most so many sales without a credit (docs/decisions/012): a range with
 * more is refused with a 400 that says how many and what to do, instead of a timeout; credited
 * sales, which cost almost nothing to list, never count against the bound.
 */
class ReconciliationBoundTest {

  private static final Clock TODAY = Clock.fixed(Instant.parse("2025-05-01T00:00:00Z"), ZoneOffset.UTC);
  private static final Instant FIRST_SALE = Instant.parse("2025-04-02T10:00:00Z");

  private final WorkerStores stores = InMemoryWorkerStores.create().stores();
  private int orders;

  private void sales(int credited, int uncredited) {
    for (int i = 0; i < credited + uncredited; i++) {
      String order = "bound-" + orders++;
      Conversion sale = new Conversion(Conversion.saleId(order), Conversion.Kind.SALE,
          FIRST_SALE.plus(Duration.ofMinutes(orders)), null, null, order, "prod_bound", 100, "USD", null, null);
      stores.conversions().putIfAbsent(sale);
      if (i < credited) {
        stores.conversions().changeCredit(sale.id(), 0, new Credit("bound-link", "clk" + i, CreditPath.CLICK_ID), null);
      }
      stores.productSales().note(sale);
    }
  }

  private ReconciliationResult report(int maxUncredited) {
    return Reconciliation.over(stores, TODAY).explainingAtMost(maxUncredited).of("prod_bound", "2025-04-01",
        "2025-04-30");
  }

  @Test
  void refusesARangeWithMoreSalesWithoutACreditThanOneReportExplainsAndSaysHowManyAndWhatToDo() {
    sales(2, 4);

    ReconciliationResult result = report(3);

    assertThat(result).isInstanceOfSatisfying(ReconciliationResult.Invalid.class, invalid -> assertThat(
        invalid.message()).isEqualTo("2025-04-01 … 2025-04-30 holds 4 sales without a credit; one report explains"
            + " at most 3: ask for a shorter range (from, to)"));
  }

  @Test
  void explainsARangeWithAsManySalesWithoutACreditAsTheBoundWhateverNumberAreCredited() {
    sales(20, 3);

    ReconciliationResult result = report(3);

    assertThat(result).isInstanceOfSatisfying(ReconciliationResult.Found.class, found -> {
      assertThat(found.report().sales()).isEqualTo(23);
      assertThat(found.report().attributedSales()).isEqualTo(20);
      assertThat(found.report().unattributed()).containsExactly(Map.entry(Reason.NO_IDENTITY, 3L));
    });
  }

  @Test
  void explainsAtMostTwoHundredSalesWithoutACreditByDefault() {
    sales(0, Reconciliation.MAX_UNCREDITED_SALES + 1);

    assertThat(Reconciliation.over(stores, TODAY).of("prod_bound", "2025-04-01", "2025-04-30"))
        .isInstanceOf(ReconciliationResult.Invalid.class);
    assertThat(Reconciliation.MAX_UNCREDITED_SALES).isEqualTo(200);
  }
}
