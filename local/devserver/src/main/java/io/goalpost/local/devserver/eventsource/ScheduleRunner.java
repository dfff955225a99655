package io.goalpost.local.devserver.eventsource;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

/**
 * Fires a {@code Schedule} event source at a fixed rate, as EventBridge does: the first firing
 * one period after {@link #start()}, never two firings at once. {@link #fireNow()} lets a test
 * (or a developer) have one firing without waiting for the rate.
 */
public final class ScheduleRunner implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ScheduleRunner.class.getName());
  private static final Pattern RATE = Pattern.compile("rate\\((\\d+) ([a-z]+)\\)");

  private final Duration period;
  private final Runnable fire;
  private final ScheduledExecutorService scheduler;
  private boolean started;

  public ScheduleRunner(Duration period, Runnable fire) {
    if (period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("period must be positive: " + period);
    }
    this.period = period;
    this.fire = fire;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "schedule-" + period);
      thread.setDaemon(true);
      return thread;
    });
  }

  /** A runner for a template's {@code Schedule} expression; see {@link #rate(String)}. */
  public static ScheduleRunner forExpression(String expression, Runnable fire) {
    return new ScheduleRunner(rate(expression), fire);
  }

  /**
   * The period of an EventBridge {@code rate(value unit)} expression, with AWS's rules: a positive
   * whole value; unit minute(s), hour(s) or day(s), singular exactly when the value is 1.
   * {@code cron(...)} is not run locally.
   */
  public static Duration rate(String expression) {
    String trimmed = expression.trim();
    if (trimmed.startsWith("cron(")) {
      throw new IllegalArgumentException("cron schedules are not run locally, only rate(...): "
          + expression);
    }
    Matcher m = RATE.matcher(trimmed);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a rate expression like rate(5 minutes): " + expression);
    }
    long value = Long.parseLong(m.group(1));
    String unit = m.group(2);
    String singular = unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
    if (value < 1 || (value == 1) != unit.equals(singular)) {
      throw new IllegalArgumentException("AWS wants a positive value, with a singular unit for 1 "
          + "and a plural one otherwise: " + expression);
    }
    return switch (singular) {
      case "minute" -> Duration.ofMinutes(value);
      case "hour" -> Duration.ofHours(value);
      case "day" -> Duration.ofDays(value);
      default -> throw new IllegalArgumentException("the unit must be minute(s), hour(s) or "
          + "day(s) (AWS has no rate in seconds): " + expression);
    };
  }

  /** The event EventBridge sends a function for a scheduled rule. */
  public static ScheduledEvent scheduledEvent(String ruleArn, Instant time) {
    String[] arn = ruleArn.split(":");
    ScheduledEvent event = new ScheduledEvent();
    event.setVersion("0");
    event.setId(UUID.randomUUID().toString());
    event.setDetailType("Scheduled Event");
    event.setSource("aws.events");
    event.setAccount(arn.length > 4 ? arn[4] : "000000000000");
    event.setRegion(arn.length > 3 ? arn[3] : "us-east-1");
    event.setTime(new DateTime(time.toEpochMilli(), DateTimeZone.UTC));
    event.setResources(List.of(ruleArn));
    event.setDetail(Map.of());
    return event;
  }

  public synchronized ScheduleRunner start() {
    if (started) {
      throw new IllegalStateException("already started");
    }
    started = true;
    long nanos = period.toNanos();
    scheduler.scheduleAtFixedRate(this::fireAndCarryOn, nanos, nanos, TimeUnit.NANOSECONDS);
    return this;
  }

  /** Fires once now, on the schedule's thread, and returns when the firing is done. */
  public void fireNow() {
    try {
      scheduler.submit(fire).get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while firing", e);
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A failed firing is logged; like EventBridge, the schedule goes on. */
  private void fireAndCarryOn() {
    try {
      fire.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "a scheduled invocation failed", e);
    }
  }
}
