package io.goalpost.aws.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.aws.counter.MovableClock;
import io.goalpost.aws.wiring.WorkerWiring;
import io.goalpost.core.attribution.AttributionModel;
import io.goalpost.core.attribution.EventRecorder;
import io.goalpost.core.attribution.WorkerStores;
import io.goalpost.core.event.PageEvent;
import io.goalpost.core.link.Goal;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackExtension;
import io.goalpost.testing.PageEventContract;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The worker's page-event scenarios with every DynamoDB adapter on dynalite, and a look at the
 * whole table to see what page events without consent left behind.
 */
@ExtendWith(LocalStackExtension.class)
class DynamoDbPageEventTest extends PageEventContract {

  private final MovableClock clock = new MovableClock();
  private DynamoDbClient dynamoDb;
  private String table;
  private WorkerStores stores;

  @BeforeEach
  void connect(LocalStack stack) {
    dynamoDb = stack.dynamoDbClient();
    table = stack.tableName("GoalpostTable");
    stores = WorkerWiring.stores(dynamoDb, table, clock);
  }

  @Override
  protected WorkerStores stores() {
    return stores;
  }

  /**
   * Two racing workers may both finish one pending credit move, and the counter store's lease then
   * refuses one of them until the other is through; on SQS that message comes again later. The
   * scenarios expect no refusal, so their workers apply again once the holder is through.
   */
  @Override
  protected EventRecorder worker(AttributionModel model) {
    return EventRecorder.over(stores.withCounters(new AppliedAgainOnceTheHolderIsThrough(stores.counters())), model);
  }

  @Test
  void leavesNoItemThatNamesAnyoneForPageEventsWithoutConsentAll() {
    String slug = link("essential", Goal.optIn(null), 30);
    var at = CLICKED.plus(Duration.ofMinutes(1));
    deliver(click(slug, "clickA", CLICKED, null),
        page(PageEvent.Kind.PAGE_VIEW, "view", PageEvent.Consent.ESSENTIAL, null, "clickA", "https://shop.example.com/",
            null, null, at),
        page(PageEvent.Kind.OPT_IN, "opt", PageEvent.Consent.ESSENTIAL, null, "clickA", "https://shop.example.com/join",
            "newsletter", null, at),
        page(PageEvent.Kind.CHECKOUT_VIEW, "checkout", PageEvent.Consent.ESSENTIAL, null, "clickA",
            "https://shop.example.com/checkout", null, product(), at),
        page(PageEvent.Kind.OPT_IN, "anonymous", PageEvent.Consent.ALL, null, "clickA", "https://shop.example.com/join",
            null, null, at));

    List<Map<String, AttributeValue>> mine = dynamoDb.scanPaginator(scan -> scan.tableName(table)).items().stream()
        .filter(item -> item.values().stream().anyMatch(value -> value.s() != null && value.s().contains(suffix)))
        .toList();

    // The link, the click with its marker and counts, and the checkout's count: nothing else.
    assertThat(mine).extracting(item -> item.get("pk").s()).allSatisfy(pk -> assertThat(pk)
        .matches("(LINK|CLICK|UNIQ|OP|STAT)#.*"));
    assertThat(mine).extracting(item -> item.get("sk").s()).noneMatch(sk -> sk.startsWith("CLAIM#"))
        .noneMatch(sk -> sk.startsWith("CONV#"));
    assertThat(mine).filteredOn(item -> item.get("pk").s().startsWith("OP#"))
        .extracting(item -> item.get("pk").s())
        .containsExactlyInAnyOrder("OP#click#" + id("clickA"), "OP#page#p:" + id("checkout"));
    assertThat(productCounts(CLICK_DAY)).isEqualTo(Map.of("checkoutViews", 1L));
  }
}
