package io.goalpost.aws.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.goalpost.core.attribution.AttributionModel;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerConfigTest {

  private static final Map<String, String> MINIMAL = Map.of("TABLE_NAME", "goalpost", "EVENTS_QUEUE_URL", "http://q/1",
      "EMAIL_HASH_KEY", "k".repeat(32));

  @Test
  void readsTheTableTheQueueAndLastTouchByDefault() {
    assertThat(WorkerConfig.from(MINIMAL))
        .isEqualTo(new WorkerConfig("goalpost", "http://q/1", AttributionModel.LAST_TOUCH, "k".repeat(32)));
    assertThat(WorkerConfig.from(with("ATTRIBUTION_MODEL", " ")).attributionModel())
        .isEqualTo(AttributionModel.LAST_TOUCH);
  }

  @Test
  void readsTheFirstTouchModel() {
    assertThat(WorkerConfig.from(with("ATTRIBUTION_MODEL", "first_touch")).attributionModel())
        .isEqualTo(AttributionModel.FIRST_TOUCH);
  }

  @Test
  void refusesAnUnknownModelAndNamesTheVariable() {
    assertThatThrownBy(() -> WorkerConfig.from(with("ATTRIBUTION_MODEL", "linear")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("ATTRIBUTION_MODEL");
  }

  @Test
  void namesAMissingVariable() {
    assertThatThrownBy(() -> WorkerConfig.from(Map.of("TABLE_NAME", "goalpost")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("EVENTS_QUEUE_URL");
    assertThatThrownBy(() -> WorkerConfig.from(Map.of("EVENTS_QUEUE_URL", "http://q/1")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("TABLE_NAME");
  }

  private static Map<String, String> with(String name, String value) {
    return Map.of("TABLE_NAME", "goalpost", "EVENTS_QUEUE_URL", "http://q/1", "EMAIL_HASH_KEY", "k".repeat(32),
        name, value);
  }
}
