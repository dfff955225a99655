package io.goalpost.aws.counter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test moves it on, shared by every worker of the test:
 * leases run out on cue, never because the machine was slow.
 */
public final class MovableClock extends Clock {

  private final AtomicReference<Instant> now;

  public MovableClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  public MovableClock() {
    this(Instant.parse("2025-04-02T15:01:00Z"));
  }

  public void advance(Duration duration) {
    now.updateAndGet(instant -> instant.plus(duration));
  }

  /**
   * What SQS's visibility timeout (60 s) does before it delivers a failed message again: every
   * counter lease taken until now runs out.
   */
  public void waitOutTheLease() {
    advance(DynamoDbCounterStore.LEASE.plusMillis(1));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a moving test clock stays in UTC");
  }
}
