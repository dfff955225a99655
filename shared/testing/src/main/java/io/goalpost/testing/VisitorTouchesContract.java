package io.goalpost.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.event.PageEvent;
import io.goalpost.core.identity.Touch;
import io.goalpost.core.identity.VisitorTouches;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every VisitorTouches must do; the in-memory fake and the DynamoDB adapter both extend it. */
public abstract class VisitorTouchesContract {

  private final String suffix = TestIds.suffix();
  private final String visitor = "vid" + suffix;

  protected abstract VisitorTouches store();

  @Test
  void listsAVisitorsTouchesEarliestFirstWithEverythingTheyCarry() {
    Touch checkout = new Touch(PageEvent.Kind.CHECKOUT_VIEW, "p:c" + suffix, Instant.parse("2025-04-01T10:00:00Z"),
        "https://shop.example.com/checkout", "clk" + suffix, null, "prod_spring");
    Touch view = new Touch(PageEvent.Kind.PAGE_VIEW, "p:v" + suffix, Instant.parse("2025-04-01T09:00:00.5Z"),
        "https://shop.example.com/?utm_source=fb", null, null, null);
    Touch optIn = new Touch(PageEvent.Kind.OPT_IN, "p:o" + suffix, Instant.parse("2025-04-01T09:30:00Z"),
        "https://shop.example.com/join", null, "newsletter", null);
    store().add(visitor, checkout);
    store().add(visitor, view);
    store().add(visitor, optIn);
    store().add(visitor, view);

    assertThat(store().of(visitor)).containsExactly(view, optIn, checkout);
  }

  @Test
  void keepsEachVisitorsTouchesApart() {
    Touch mine = new Touch(PageEvent.Kind.PAGE_VIEW, "p:m" + suffix, Instant.parse("2025-04-01T09:00:00Z"),
        "https://shop.example.com/", null, null, null);
    store().add(visitor, mine);
    store().add("other" + suffix, new Touch(PageEvent.Kind.PAGE_VIEW, "p:t" + suffix,
        Instant.parse("2025-04-01T09:00:00Z"), "https://shop.example.com/", null, null, null));

    assertThat(store().of(visitor)).containsExactly(mine);
    assertThat(store().of("nobody" + suffix)).isEmpty();
  }
}
