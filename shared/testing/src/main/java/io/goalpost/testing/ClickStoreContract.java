package io.goalpost.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.click.Click;
import io.goalpost.core.click.ClickStore;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What every ClickStore must do; the in-memory fake and the DynamoDB adapter both extend it.
 * Ids carry a per-test suffix, so a store shared between tests (one emulator table) works.
 */
public abstract class ClickStoreContract {

  private final String suffix = TestIds.suffix();

  /** The store under test; called once per test method or more (return the same one). */
  protected abstract ClickStore store();

  @Test
  void findsAClickItStored() {
    Click click = new Click("clk" + suffix, "spring-fb", Instant.parse("2025-04-01T09:30:00Z"), "vid" + suffix);

    assertThat(store().putIfAbsent(click)).isEqualTo(click);

    assertThat(store().find(click.clickId())).contains(click);
  }

  @Test
  void keepsTheFirstClickWhenTheSameIdIsStoredAgainAndAnswersIt() {
    Click first = new Click("clk" + suffix, "spring-fb", Instant.parse("2025-04-01T09:30:00Z"), null);
    Click second = new Click("clk" + suffix, "other", Instant.parse("2025-04-02T09:30:00Z"), "vid" + suffix);
    store().putIfAbsent(first);

    assertThat(store().putIfAbsent(second)).isEqualTo(first);

    assertThat(store().find(first.clickId())).contains(first);
  }

  @Test
  void findsNothingForAnUnknownClickId() {
    assertThat(store().find("unknown" + suffix)).isEmpty();
  }

  @Test
  void keepsTheClickTimeToTheNanosecondAndAMissingVisitorId() {
    Click click = new Click("nanos" + suffix, "spring-fb", Instant.parse("2025-04-01T09:30:00.123456789Z"), null);
    store().putIfAbsent(click);

    assertThat(store().find(click.clickId())).contains(click);
  }

  @Test
  void keepsABotsClickAsNotHuman() {
    Click bot = new Click("bot" + suffix, "spring-fb", Instant.parse("2025-04-01T09:30:00Z"), null, false);
    store().putIfAbsent(bot);

    assertThat(store().find(bot.clickId())).contains(bot);
    assertThat(store().find(bot.clickId()).orElseThrow().human()).isFalse();
  }
}
