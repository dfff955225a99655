package io.goalpost.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.counter.Counter;
import io.goalpost.core.counter.CounterStore;
import io.goalpost.core.counter.Delta;
import io.goalpost.core.counter.Fields;
import io.goalpost.core.counter.Operation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every CounterStore must do. Extend it with a store to check (the in-memory fake and the
 * DynamoDB adapter both do), so the fake the unit tests lean on cannot drift from the real one.
 * Slugs, product ids and operation ids carry a per-test suffix, so a shared table works too.
 */
public abstract class CounterStoreContract {

  private static final LocalDate DAY = LocalDate.parse("2025-04-01");
  private static final String USD = Fields.revenue("USD");
  private static final String EUR = Fields.revenue("EUR");
  /** Rounds of two callers racing: the window between reading a record and writing is narrow. */
  private static final int RACES = 50;

  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final String slug = "spring-" + suffix;

  /** The store under test; called once per test method or more (return the same one). */
  protected abstract CounterStore store();

  /**
   * Whether {@code failure} is the store refusing to apply an operation that another caller is
   * applying at that moment (the caller's message is then delivered again later). A store that
   * never refuses keeps this answer: no failure is one.
   */
  protected boolean isRefusalWhileInProgress(RuntimeException failure) {
    return false;
  }

  /** Lets the time pass that a refused caller waits before its next try (SQS's visibility timeout). */
  protected void waitBeforeRetrying() {
  }

  @Test
  void sumsEachFieldPerDayOverOperations() {
    store().apply(op("click#1", Delta.of(link(DAY), Fields.CLICKS, 1)));
    store().apply(op("click#2", new Delta(link(DAY), Map.of(Fields.CLICKS, 1L, Fields.UNIQUE_CLICKS, 1L))));
    store().apply(op("sale#1", new Delta(link(DAY), Map.of(Fields.GOALS, 1L, USD, 4900L, EUR, 1200L))));
    store().apply(op("sale#2", new Delta(link(DAY), Map.of(Fields.GOALS, 1L, USD, 29400L))));

    assertThat(readLink(DAY, DAY)).isEqualTo(Map.of(DAY, Map.of(
        Fields.CLICKS, 2L, Fields.UNIQUE_CLICKS, 1L, Fields.GOALS, 2L, USD, 34300L, EUR, 1200L)));
  }

  @Test
  void countsAnOperationAppliedTwiceOnce() {
    Operation click = op("click#1", Delta.of(link(DAY), Fields.CLICKS, 1));

    store().apply(click);
    store().apply(click);

    assertThat(readLink(DAY, DAY)).isEqualTo(Map.of(DAY, Map.of(Fields.CLICKS, 1L)));
  }

  @Test
  void appliesTheStoredDeltasWhenAnOperationIdComesBackWithOthers() {
    store().apply(op("sale#1", new Delta(link(DAY), Map.of(Fields.GOALS, 1L, USD, 4900L))));

    store().apply(op("sale#1", new Delta(link(DAY), Map.of(Fields.GOALS, 5L, EUR, 100L))));
    store().apply(op("sale#1", Delta.of(link(DAY.plusDays(1)), Fields.GOALS, 1)));

    assertThat(readLink(DAY, DAY.plusDays(1))).isEqualTo(Map.of(DAY, Map.of(Fields.GOALS, 1L, USD, 4900L)));
  }

  @Test
  void subtractsNegativeAmounts() {
    store().apply(op("sale#1", new Delta(link(DAY), Map.of(Fields.GOALS, 1L, USD, 4900L))));
    store().apply(op("sale#2", new Delta(link(DAY), Map.of(Fields.GOALS, 1L, USD, 2000L))));

    store().apply(op("credit#sale#1#v2", new Delta(link(DAY), Map.of(Fields.GOALS, -1L, USD, -4900L))));

    assertThat(readLink(DAY, DAY)).isEqualTo(Map.of(DAY, Map.of(Fields.GOALS, 1L, USD, 2000L)));
  }

  @Test
  void leavesOutFieldsThatSumToZeroAndDaysLeftWithNone() {
    store().apply(op("sale#1", new Delta(link(DAY), Map.of(Fields.GOALS, 1L, USD, 4900L))));
    store().apply(op("click#1", Delta.of(link(DAY.plusDays(1)), Fields.CLICKS, 1)));

    store().apply(op("credit#sale#1#v2", new Delta(link(DAY), Map.of(Fields.GOALS, -1L, USD, -4900L))));
    store().apply(op("refund#1", new Delta(link(DAY.plusDays(1)), Map.of(Fields.CLICKS, 0L, Fields.refunded("USD"), 0L))));

    assertThat(readLink(DAY, DAY.plusDays(1))).isEqualTo(Map.of(DAY.plusDays(1), Map.of(Fields.CLICKS, 1L)));
  }

  @Test
  void readsOnlyTheDaysFromFromToToInclusive() {
    LocalDate from = LocalDate.parse("2024-12-31");
    LocalDate to = LocalDate.parse("2025-01-01");
    for (LocalDate day : List.of(from.minusDays(1), from, to, to.plusDays(1), to.plusYears(1))) {
      store().apply(op("click#" + day, Delta.of(link(day), Fields.CLICKS, day.getDayOfMonth())));
    }

    assertThat(readLink(from, to)).isEqualTo(Map.of(from, Map.of(Fields.CLICKS, 31L), to, Map.of(Fields.CLICKS, 1L)));
    assertThat(readLink(to, to)).isEqualTo(Map.of(to, Map.of(Fields.CLICKS, 1L)));
  }

  @Test
  void keepsSubjectsAndIdsApart() {
    String product = "prod_" + suffix;
    store().apply(op("click#1", Delta.of(link(DAY), Fields.CLICKS, 1)));
    store().apply(op("click#2", Delta.of(Counter.link(slug + "x", DAY), Fields.CLICKS, 2)));
    store().apply(op("click#3", Delta.of(Counter.link(slug.toUpperCase(), DAY), Fields.CLICKS, 4)));
    store().apply(op("sale#1", Delta.of(Counter.product(slug, DAY), Fields.SALES, 8)));
    store().apply(op("sale#2", Delta.of(Counter.product(product, DAY), Fields.SALES, 16)));

    assertThat(readLink(DAY, DAY)).isEqualTo(Map.of(DAY, Map.of(Fields.CLICKS, 1L)));
    assertThat(store().read(Counter.Subject.PRODUCT, slug, DAY, DAY)).isEqualTo(Map.of(DAY, Map.of(Fields.SALES, 8L)));
    assertThat(store().read(Counter.Subject.PRODUCT, product, DAY, DAY)).isEqualTo(Map.of(DAY, Map.of(Fields.SALES, 16L)));
  }

  @Test
  void readsNothingForAnIdWithoutCounters() {
    assertThat(store().read(Counter.Subject.LINK, "nothing-" + suffix, DAY.minusYears(1), DAY)).isEmpty();
  }

  @Test
  void countsFiftyDistinctOperationsOnOneDay() {
    for (int i = 0; i < 50; i++) {
      store().apply(op("click#" + i, new Delta(link(DAY), Map.of(Fields.CLICKS, 1L, USD, 100L))));
    }

    assertThat(readLink(DAY, DAY)).isEqualTo(Map.of(DAY, Map.of(Fields.CLICKS, 50L, USD, 5000L)));
  }

  @Test
  void appliesEveryDeltaOfAnOperationAcrossSubjectsAndDays() {
    String other = "other-" + suffix;
    String product = "prod_" + suffix;
    store().apply(op("credit#sale#1#v2",
        new Delta(link(DAY), Map.of(Fields.GOALS, 1L, USD, 4900L)),
        new Delta(Counter.link(other, DAY), Map.of(Fields.GOALS, -1L, USD, -4900L)),
        Delta.of(Counter.product(product, DAY.plusDays(1)), Fields.SALES, 1)));

    assertThat(readLink(DAY, DAY.plusDays(1))).isEqualTo(Map.of(DAY, Map.of(Fields.GOALS, 1L, USD, 4900L)));
    assertThat(store().read(Counter.Subject.LINK, other, DAY, DAY))
        .isEqualTo(Map.of(DAY, Map.of(Fields.GOALS, -1L, USD, -4900L)));
    assertThat(store().read(Counter.Subject.PRODUCT, product, DAY, DAY.plusDays(1)))
        .isEqualTo(Map.of(DAY.plusDays(1), Map.of(Fields.SALES, 1L)));
  }

  @Test
  void addsTwoDeltasOfOneOperationOnTheSameCounter() {
    Operation click = op("click#1", Delta.of(link(DAY), Fields.CLICKS, 1), new Delta(link(DAY),
        Map.of(Fields.CLICKS, 1L, Fields.UNIQUE_CLICKS, 1L)));

    store().apply(click);
    store().apply(click);

    assertThat(readLink(DAY, DAY)).isEqualTo(Map.of(DAY, Map.of(Fields.CLICKS, 2L, Fields.UNIQUE_CLICKS, 1L)));
  }

  @Test
  void keepsAmountsBeyondTheRangeOfAnInt() {
    long large = 9_000_000_000_000L;
    store().apply(op("sale#1", Delta.of(link(DAY), USD, large)));
    store().apply(op("sale#2", Delta.of(link(DAY), USD, large)));

    assertThat(readLink(DAY, DAY)).isEqualTo(Map.of(DAY, Map.of(USD, 2 * large)));
  }

  @Test
  void countsAnOperationOnceWhenTwoCallersApplyItAtTheSameTimeAndARefusedOneTriesAgainLater() throws Exception {
    String product = "prod_" + suffix;
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      for (int round = 1; round <= RACES; round++) {
        Operation sale = op("sale#" + round, new Delta(link(DAY), Map.of(Fields.GOALS, 1L, USD, 100L)),
            Delta.of(Counter.product(product, DAY), Fields.SALES, 1));
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<?>> callers = List.of(
            two.submit(() -> applyAfter(together, sale)), two.submit(() -> applyAfter(together, sale)));

        List<RuntimeException> refusals = new ArrayList<>();
        for (Future<?> caller : callers) {
          try {
            caller.get(30, TimeUnit.SECONDS);
          } catch (ExecutionException failed) {
            assertThat(failed.getCause()).as("round %d", round).isInstanceOf(RuntimeException.class)
                .matches(cause -> isRefusalWhileInProgress((RuntimeException) cause), "a refusal while in progress");
            refusals.add((RuntimeException) failed.getCause());
          }
        }
        assertThat(refusals).as("round %d: at most one caller is refused", round).hasSizeLessThan(2);
        // Only once both callers are through, as SQS redelivers only after the visibility timeout.
        if (!refusals.isEmpty()) {
          waitBeforeRetrying();
          store().apply(sale);
        }

        assertThat(readLink(DAY, DAY)).as("round %d", round)
            .isEqualTo(Map.of(DAY, Map.of(Fields.GOALS, (long) round, USD, 100L * round)));
        assertThat(store().read(Counter.Subject.PRODUCT, product, DAY, DAY)).as("round %d", round)
            .isEqualTo(Map.of(DAY, Map.of(Fields.SALES, (long) round)));
      }
    } finally {
      two.shutdownNow();
    }
  }

  private Void applyAfter(CyclicBarrier together, Operation operation) throws Exception {
    together.await(10, TimeUnit.SECONDS);
    store().apply(operation);
    return null;
  }

  private Counter link(LocalDate day) {
    return Counter.link(slug, day);
  }

  private Map<LocalDate, Map<String, Long>> readLink(LocalDate from, LocalDate to) {
    return store().read(Counter.Subject.LINK, slug, from, to);
  }

  private Operation op(String id, Delta... deltas) {
    return new Operation(id + "-" + suffix, List.of(deltas));
  }
}
