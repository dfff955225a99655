package io.goalpost.local.devserver.eventsource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleRunnerTest {

  @Test
  void readsRatesInMinutesHoursAndDays() {
    assertThat(ScheduleRunner.rate("rate(1 minute)")).isEqualTo(Duration.ofMinutes(1));
    assertThat(ScheduleRunner.rate("rate(5 minutes)")).isEqualTo(Duration.ofMinutes(5));
    assertThat(ScheduleRunner.rate("rate(1 hour)")).isEqualTo(Duration.ofHours(1));
    assertThat(ScheduleRunner.rate("rate(2 days)")).isEqualTo(Duration.ofDays(2));
  }

  @ParameterizedTest
  @ValueSource(strings = {"rate(30 seconds)", "rate(1 minutes)", "rate(5 minute)", "rate(0 minutes)",
      "rate(5 weeks)", "every 5 minutes"})
  void rejectsRatesAwsWouldReject(String expression) {
    assertThatThrownBy(() -> ScheduleRunner.rate(expression))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(expression);
  }

  @Test
  void rejectsCronSchedulesClearly() {
    assertThatThrownBy(() -> ScheduleRunner.rate("cron(0 12 * * ? *)"))
        .hasMessageContaining("cron schedules are not run locally");
  }

  @Test
  void firesAtItsRateUntilClosed() {
    AtomicInteger firings = new AtomicInteger();
    ScheduleRunner runner = new ScheduleRunner(Duration.ofMillis(50), firings::incrementAndGet).start();

    await().atMost(Duration.ofSeconds(5)).until(() -> firings.get() >= 3);
    runner.close();
    int afterClose = firings.get();

    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1))
        .until(() -> firings.get() == afterClose);
  }

  @Test
  void firesOnceWhenAskedRatherThanWaitingForTheRate() {
    AtomicInteger firings = new AtomicInteger();
    try (ScheduleRunner runner = ScheduleRunner.forExpression("rate(1 hour)", firings::incrementAndGet)
        .start()) {
      runner.fireNow();
    }
    assertThat(firings).hasValue(1);
  }

  @Test
  void aFailedFiringDoesNotStopTheSchedule() {
    AtomicInteger firings = new AtomicInteger();
    ScheduleRunner runner = new ScheduleRunner(Duration.ofMillis(50), () -> {
      if (firings.incrementAndGet() == 1) {
        throw new IllegalStateException("first firing fails");
      }
    }).start();
    try {
      await().atMost(Duration.ofSeconds(5)).until(() -> firings.get() >= 3);
    } finally {
      runner.close();
    }
  }

  @Test
  void buildsTheEventEventBridgeSendsForAScheduledRule() {
    String rule = "arn:aws:events:us-east-1:000000000000:rule/goalpost-local-Nightly";
    ScheduledEvent event = ScheduleRunner.scheduledEvent(rule, Instant.parse("2026-01-02T03:04:05Z"));

    assertThat(event.getDetailType()).isEqualTo("Scheduled Event");
    assertThat(event.getSource()).isEqualTo("aws.events");
    assertThat(event.getVersion()).isEqualTo("0");
    assertThat(event.getId()).isNotBlank();
    assertThat(event.getAccount()).isEqualTo("000000000000");
    assertThat(event.getRegion()).isEqualTo("us-east-1");
    assertThat(event.getResources()).containsExactly(rule);
    assertThat(event.getTime().toInstant().getMillis())
        .isEqualTo(Instant.parse("2026-01-02T03:04:05Z").toEpochMilli());
    assertThat(event.getDetail()).isEmpty();
  }
}
