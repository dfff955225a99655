package io.goalpost.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.click.UniqueClickers;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** What every UniqueClickers must do; the in-memory fake and the DynamoDB adapter both extend it. */
public abstract class UniqueClickersContract {

  private static final LocalDate DAY = LocalDate.parse("2025-04-01");

  private final String suffix = TestIds.suffix();
  private final String slug = "link-" + suffix;
  private final String clicker = "vid#v" + suffix;

  protected abstract UniqueClickers markers();

  @Test
  void makesTheFirstClickOfAClickerOnALinkAndDayTheUniqueOne() {
    assertThat(markers().firstOfDay(slug, DAY, clicker, "first" + suffix)).isTrue();
  }

  @Test
  void answersTheSameForTheSameClickAskedAgain() {
    markers().firstOfDay(slug, DAY, clicker, "first" + suffix);
    markers().firstOfDay(slug, DAY, clicker, "second" + suffix);

    assertThat(markers().firstOfDay(slug, DAY, clicker, "first" + suffix)).isTrue();
    assertThat(markers().firstOfDay(slug, DAY, clicker, "second" + suffix)).isFalse();
  }

  @Test
  void keepsMarkersPerLinkDayAndClicker() {
    markers().firstOfDay(slug, DAY, clicker, "first" + suffix);

    assertThat(markers().firstOfDay(slug, DAY.plusDays(1), clicker, "nextday" + suffix)).isTrue();
    assertThat(markers().firstOfDay("other-" + suffix, DAY, clicker, "otherlink" + suffix)).isTrue();
    assertThat(markers().firstOfDay(slug, DAY, "cid#someone" + suffix, "someone" + suffix)).isTrue();
  }
}
