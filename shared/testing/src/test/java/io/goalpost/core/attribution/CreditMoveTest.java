package io.goalpost.core.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.counter.Counter;
import io.goalpost.core.counter.Delta;
import io.goalpost.core.counter.Operation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreditMoveTest {

  private static final LocalDate SALE_DAY = LocalDate.parse("2025-04-02");
  private final Conversion sale = new Conversion("sale#o1", Conversion.Kind.SALE,
      Instant.parse("2025-04-02T23:59:59Z"), null, "clk", "o1", "prod", 4900, "EUR", null, null);
  private final Credit onA = new Credit("link-a", "clickA", CreditPath.CLICK_ID);
  private final Credit onB = new Credit("link-b", "clickB", CreditPath.CLICK_ID);

  @Test
  void addsAGoalAndTheRevenueToTheFirstCreditedLinkOnTheSalesDay() {
    assertThat(CreditMove.between(sale, null, onA, 1)).contains(new Operation("credit#sale#o1#v1", List.of(
        new Delta(Counter.link("link-a", SALE_DAY), Map.of("goals", 1L, "revenue.EUR", 4900L)))));
  }

  @Test
  void takesTheGoalAndRevenueFromTheOldLinkToTheNewOne() {
    assertThat(CreditMove.between(sale, onA, onB, 2)).contains(new Operation("credit#sale#o1#v2", List.of(
        new Delta(Counter.link("link-a", SALE_DAY), Map.of("goals", -1L, "revenue.EUR", -4900L)),
        new Delta(Counter.link("link-b", SALE_DAY), Map.of("goals", 1L, "revenue.EUR", 4900L)))));
  }

  @Test
  void takesTheGoalAwayWhenTheCreditGoes() {
    assertThat(CreditMove.between(sale, onB, null, 3)).contains(new Operation("credit#sale#o1#v3", List.of(
        new Delta(Counter.link("link-b", SALE_DAY), Map.of("goals", -1L, "revenue.EUR", -4900L)))));
  }

  @Test
  void movesNothingBetweenTwoClicksOfTheSameLink() {
    Credit otherClickOnA = new Credit("link-a", "clickC", CreditPath.CLICK_ID);

    assertThat(CreditMove.between(sale, onA, otherClickOnA, 2)).isEmpty();
  }

  @Test
  void countsTheGoalOfASaleOfNothingWithoutARevenueField() {
    Conversion free = new Conversion("sale#o2", Conversion.Kind.SALE, Instant.parse("2025-04-02T10:00:00Z"),
        null, null, "o2", "prod", 0, "EUR", null, null);

    assertThat(CreditMove.between(free, null, onA, 1)).contains(new Operation("credit#sale#o2#v1", List.of(
        new Delta(Counter.link("link-a", SALE_DAY), Map.of("goals", 1L)))));
  }

  @Test
  void movesOnlyTheGoalOfAnOptInOnItsDay() {
    Conversion optIn = new Conversion("opt_in#p:e1", Conversion.Kind.OPT_IN, Instant.parse("2025-04-02T08:00:00Z"),
        "visitor0000000001", null, null, null, 0, null, null, null);
    Credit cookieOnA = new Credit("link-a", "clickA", CreditPath.COOKIE);

    assertThat(CreditMove.between(optIn, null, cookieOnA, 1)).contains(new Operation("credit#opt_in#p:e1#v1", List.of(
        new Delta(Counter.link("link-a", SALE_DAY), Map.of("goals", 1L)))));
  }
}
