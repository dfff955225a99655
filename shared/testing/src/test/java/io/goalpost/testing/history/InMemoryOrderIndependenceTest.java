package io.goalpost.testing.history;

import io.goalpost.core.attribution.WorkerStores;
import io.goalpost.testing.InMemoryWorkerStores;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;

/**
 * The order-independence property over the in-memory fakes: many tries, a new seed each build
 * (jqwik prints it with any failure, and re-runs a failed one first).
 */
class InMemoryOrderIndependenceTest extends OrderIndependenceProperty {

  @Override
  protected WorkerStores storesForARun() {
    return InMemoryWorkerStores.create().stores();
  }

  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.FULL)
  void givesTheSameCreditsAndStatsInTimeOrderReverseOrderAndShuffledWithDuplicates(
      @ForAll @From(supplier = Histories.class) History history) {
    assertOrderIndependent(history);
    // Histories that credit nothing prove little: a good share of tries must credit something.
    Statistics.label(CREDITED).coverage(coverage -> coverage.check("none").percentage(p -> p <= 80));
    Statistics.label(PAYMENTS_FOLLOW_A_CREDIT).coverage(coverage -> coverage.check(true).percentage(p -> p >= 5));
    Statistics.label(ESSENTIAL_FOR_A_LEAD).coverage(coverage -> coverage.check(true).percentage(p -> p >= 1));
    Statistics.label(CREDITED_THROUGH_A_LEAD).coverage(coverage -> coverage.check(true).percentage(p -> p >= 1));
  }
}
