package io.goalpost.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.event.PageEvent;
import io.goalpost.core.lead.PendingLeadTouches;
import io.goalpost.core.lead.PendingTouch;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every PendingLeadTouches must do; the in-memory fake and the DynamoDB adapter both extend it. */
public abstract class PendingLeadTouchesContract {

  private static final Instant AT = Instant.parse("2025-04-01T09:31:00.123456789Z");

  private final String suffix = TestIds.suffix();
  private final String click = "click" + suffix;

  protected abstract PendingLeadTouches store();

  private PendingTouch touch(String clickId, String eventName, PageEvent.Kind kind, String url, String formId) {
    return new PendingTouch(clickId, eventName + suffix, kind, AT, url, formId);
  }

  @Test
  void keepsEachTouchOfAClickOnceWithEveryFactTheLeadRuleNeeds() {
    PendingTouch view = touch(click, "e2", PageEvent.Kind.PAGE_VIEW, "https://shop.example.com/a?utm_source=x", null);
    PendingTouch optIn = touch(click, "e1", PageEvent.Kind.OPT_IN, "https://shop.example.com/join", "form-1");

    store().keep(view);
    store().keep(optIn);
    store().keep(view);

    assertThat(store().waitingFor(click)).containsExactly(optIn, view);
    assertThat(store().waitingFor("other" + suffix)).isEmpty();
  }

  @Test
  void keepingATouchAgainKeepsTheFirstOne() {
    PendingTouch first = touch(click, "e1", PageEvent.Kind.PAGE_VIEW, "https://shop.example.com/a", null);

    store().keep(first);
    store().keep(touch(click, "e1", PageEvent.Kind.PAGE_VIEW, "https://shop.example.com/b", null));

    assertThat(store().waitingFor(click)).containsExactly(first);
  }

  @Test
  void forgetsOneTouchAndLeavesTheOthersAndOtherClicksAlone() {
    PendingTouch gone = touch(click, "e1", PageEvent.Kind.PAGE_VIEW, "https://shop.example.com/a", null);
    PendingTouch stays = touch(click, "e2", PageEvent.Kind.PAGE_VIEW, "https://shop.example.com/a", null);
    PendingTouch elsewhere = touch("other" + suffix, "e1", PageEvent.Kind.PAGE_VIEW, "https://shop.example.com/a",
        null);
    store().keep(gone);
    store().keep(stays);
    store().keep(elsewhere);

    store().forget(click, gone.eventId());
    store().forget(click, gone.eventId());
    store().forget(click, "never" + suffix);

    assertThat(store().waitingFor(click)).containsExactly(stays);
    assertThat(store().waitingFor("other" + suffix)).containsExactly(elsewhere);
  }

  @Test
  void givesBackThePageEventAsEssentialWithoutVisitorReferrerOrProduct() {
    PendingTouch optIn = touch(click, "e1", PageEvent.Kind.OPT_IN, "https://shop.example.com/join", "form-1");
    store().keep(optIn);

    PageEvent event = store().waitingFor(click).get(0).event();

    assertThat(event).isEqualTo(new PageEvent(PageEvent.Kind.OPT_IN, "e1" + suffix, AT,
        "https://shop.example.com/join", null, PageEvent.Consent.ESSENTIAL, null, click, "form-1", null));
  }
}
