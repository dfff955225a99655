package io.goalpost.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.click.Click;
import io.goalpost.core.click.LineageStore;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every LineageStore must do; the in-memory fake and the DynamoDB adapter both extend it. */
public abstract class LineageStoreContract {

  private final String suffix = TestIds.suffix();
  private final String visitor = "vid" + suffix;

  protected abstract LineageStore store();

  private Click click(String id, String at) {
    return new Click(id + suffix, "spring-fb", Instant.parse(at), visitor);
  }

  @Test
  void listsAVisitorsClicksEarliestFirstWhateverOrderTheyWereAddedIn() {
    Click late = click("late", "2025-04-03T10:00:00Z");
    Click early = click("early", "2025-04-01T10:00:00Z");
    Click middle = click("middle", "2025-04-02T10:00:00.5Z");
    store().addClick(visitor, late);
    store().addClick(visitor, early);
    store().addClick(visitor, middle);

    assertThat(store().clicksOf(visitor)).containsExactly(early, middle, late);
  }

  @Test
  void keepsAClickAddedTwiceOnce() {
    Click click = click("twice", "2025-04-01T10:00:00Z");
    store().addClick(visitor, click);
    store().addClick(visitor, click);

    assertThat(store().clicksOf(visitor)).containsExactly(click);
  }

  @Test
  void ordersClicksOfTheSameInstantByClickId() {
    Click b = click("bbb", "2025-04-01T10:00:00Z");
    Click a = click("aaa", "2025-04-01T10:00:00Z");
    store().addClick(visitor, b);
    store().addClick(visitor, a);

    assertThat(store().clicksOf(visitor)).containsExactly(a, b);
  }

  @Test
  void keepsEachVisitorsLineageApart() {
    Click mine = click("mine", "2025-04-01T10:00:00Z");
    Click theirs = new Click("theirs" + suffix, "spring-fb", Instant.parse("2025-04-01T10:00:00Z"), "other" + suffix);
    store().addClick(visitor, mine);
    store().addClick("other" + suffix, theirs);

    assertThat(store().clicksOf(visitor)).containsExactly(mine);
    assertThat(store().clicksOf("nobody" + suffix)).isEmpty();
  }
}
