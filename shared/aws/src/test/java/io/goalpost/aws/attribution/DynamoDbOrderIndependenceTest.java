package io.goalpost.aws.attribution;

import io.goalpost.aws.wiring.WorkerWiring;
import io.goalpost.core.attribution.WorkerStores;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackOptions;
import io.goalpost.local.stack.RepositoryPaths;
import io.goalpost.local.template.SamTemplate;
import io.goalpost.testing.history.Histories;
import io.goalpost.testing.history.History;
import io.goalpost.testing.history.OrderIndependenceProperty;
import java.time.Clock;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * The order-independence property over every DynamoDB adapter on dynalite: a fixed seed and few
 * tries, so it costs well under a minute (docs/decisions/006). Each run starts on an emptied
 * table, so the channel stats list only that run's links.
 *
 * <p>jqwik is its own test engine and does not run JUnit Jupiter extensions, so this class starts
 * the emulators itself (as {@code LocalStackExtension} would) and stops them when it is done.
 */
class DynamoDbOrderIndependenceTest extends OrderIndependenceProperty {

  private static LocalStack stack;

  @BeforeContainer
  static void startEmulators() {
    stack = LocalStack.start(SamTemplate.load(RepositoryPaths.templateYaml()), LocalStackOptions.defaults());
  }

  @AfterContainer
  static void stopEmulators() {
    if (stack != null) {
      stack.close();
    }
  }

  @Override
  protected WorkerStores storesForARun() {
    stack.reset();
    return WorkerWiring.stores(stack.dynamoDbClient(), stack.tableName("GoalpostTable"), Clock.systemUTC());
  }

  /** Latest first is left to the in-memory tries: here each run costs a second or more. */
  @Override
  protected boolean alsoInReverseTimeOrder() {
    return false;
  }

  /**
   * Seed 3 was chosen among the first dozen. With leads in the generator (decision 006, Leads) its
   * ten histories are: four credit something, one has a rebill or refund of a credited sale, one
   * counts an essential page event for a lead, and one credits through {@code path: lead}. The
   * in-memory tries give about a third, a tenth, 3 % and 2–3 %. A change to the generator changes
   * the sample; the coverage checks then say so, and another seed is chosen the same way.
   */
  @Property(tries = 10, seed = "3", edgeCases = EdgeCasesMode.NONE)
  void givesTheSameCreditsAndStatsInTimeOrderAndShuffledWithDuplicates(
      @ForAll @From(supplier = Histories.class) History history) {
    assertOrderIndependent(history);
    Statistics.label(CREDITED).coverage(coverage -> coverage.check("none").count(none -> none <= 7));
    Statistics.label(PAYMENTS_FOLLOW_A_CREDIT).coverage(coverage -> coverage.check(true).count(some -> some >= 1));
    Statistics.label(ESSENTIAL_FOR_A_LEAD).coverage(coverage -> coverage.check(true).count(some -> some >= 1));
    Statistics.label(CREDITED_THROUGH_A_LEAD).coverage(coverage -> coverage.check(true).count(some -> some >= 1));
  }
}
