package io.goalpost.core.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.goalpost.core.click.Click;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributionModelTest {

  private static Candidate candidate(String clickId, String at) {
    return new Candidate(new Click(clickId, "link", Instant.parse(at), null), CreditPath.CLICK_ID);
  }

  private final Candidate early = candidate("early0000000000000", "2025-04-01T10:00:00Z");
  private final Candidate late = candidate("late00000000000000", "2025-04-03T10:00:00Z");
  private final Candidate tieA = candidate("aaaa00000000000000", "2025-04-02T10:00:00Z");
  private final Candidate tieB = candidate("bbbb00000000000000", "2025-04-02T10:00:00Z");

  @Test
  void lastTouchPicksTheLatestClick() {
    assertThat(AttributionModel.LAST_TOUCH.pick(List.of(early, late, tieA))).contains(late);
  }

  @Test
  void firstTouchPicksTheEarliestClick() {
    assertThat(AttributionModel.FIRST_TOUCH.pick(List.of(tieA, late, early))).contains(early);
  }

  @Test
  void breaksTiesInClickTimeByClickIdWhateverTheOrderOfTheCandidates() {
    assertThat(AttributionModel.LAST_TOUCH.pick(List.of(tieA, tieB))).contains(tieB);
    assertThat(AttributionModel.LAST_TOUCH.pick(List.of(tieB, tieA))).contains(tieB);
    assertThat(AttributionModel.FIRST_TOUCH.pick(List.of(tieB, tieA))).contains(tieA);
  }

  @Test
  void picksNothingFromNoCandidates() {
    assertThat(AttributionModel.LAST_TOUCH.pick(List.of())).isEmpty();
  }

  @Test
  void readsTheTemplatesParameterValuesAndRefusesOthers() {
    assertThat(AttributionModel.fromWireName("last_touch")).isEqualTo(AttributionModel.LAST_TOUCH);
    assertThat(AttributionModel.fromWireName("first_touch")).isEqualTo(AttributionModel.FIRST_TOUCH);
    assertThatThrownBy(() -> AttributionModel.fromWireName("linear")).isInstanceOf(IllegalArgumentException.class);
  }
}
