package io.goalpost.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.attribution.CheckoutVisitors;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** What every CheckoutVisitors must do; the in-memory fake and the DynamoDB adapter both extend it. */
public abstract class CheckoutVisitorsContract {

  private static final LocalDate DAY = LocalDate.parse("2025-04-01");

  private final String suffix = TestIds.suffix();
  private final String product = "prod_" + suffix;
  private final String visitor = "vid" + suffix;

  protected abstract CheckoutVisitors markers();

  @Test
  void makesAVisitorsFirstViewOfAProductOnADayTheCountedOne() {
    assertThat(markers().firstOfDay(product, DAY, visitor, "p:first" + suffix)).isTrue();
  }

  @Test
  void answersTheSameForTheSameViewAskedAgain() {
    markers().firstOfDay(product, DAY, visitor, "p:first" + suffix);
    markers().firstOfDay(product, DAY, visitor, "p:second" + suffix);

    assertThat(markers().firstOfDay(product, DAY, visitor, "p:first" + suffix)).isTrue();
    assertThat(markers().firstOfDay(product, DAY, visitor, "p:second" + suffix)).isFalse();
  }

  @Test
  void keepsMarkersPerProductDayAndVisitor() {
    markers().firstOfDay(product, DAY, visitor, "p:first" + suffix);

    assertThat(markers().firstOfDay(product, DAY.plusDays(1), visitor, "p:nextday" + suffix)).isTrue();
    assertThat(markers().firstOfDay("other_" + suffix, DAY, visitor, "p:other" + suffix)).isTrue();
    assertThat(markers().firstOfDay(product, DAY, "someone" + suffix, "p:someone" + suffix)).isTrue();
  }
}
