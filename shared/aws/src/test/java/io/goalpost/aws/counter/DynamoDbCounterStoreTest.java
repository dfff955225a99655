package io.goalpost.aws.counter;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.aws.faults.WriteKiller;
import io.goalpost.core.counter.Counter;
import io.goalpost.core.counter.Delta;
import io.goalpost.core.counter.Fields;
import io.goalpost.core.counter.Operation;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackExtension;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** The item layout and request pattern of the DynamoDB counter store, as 001 documents them. */
@ExtendWith(LocalStackExtension.class)
class DynamoDbCounterStoreTest {

  private static final LocalDate DAY = LocalDate.parse("2025-04-01");
  private static final String USD = Fields.revenue("USD");

  private LocalStack stack;
  private String table;

  @BeforeEach
  void reset(LocalStack stack) {
    stack.reset();
    this.stack = stack;
    this.table = stack.tableName("GoalpostTable");
  }

  @Test
  void writesADoneApplyRecordHoldingTheRowsAndItsLeaseAndACounterRowWithoutInflightIds() {
    String shard = Integer.toString(CounterRow.shardOf("sale#o1"));
    Instant now = Instant.parse("2025-04-02T15:01:00Z");
    DynamoDbCounterStore store = new DynamoDbCounterStore(stack.dynamoDbClient(), table, Clock.fixed(now, ZoneOffset.UTC));

    store.apply(new Operation("sale#o1", List.of(new Delta(Counter.link("spring", DAY), Map.of(Fields.GOALS, 1L, USD, 4900L)))));

    Map<String, AttributeValue> record = new HashMap<>(item("OP#sale#o1", "OP"));
    assertThat(record.remove("owner").s()).as("a random token per apply call").hasSize(36);
    assertThat(record).isEqualTo(Map.of(
        "pk", s("OP#sale#o1"), "sk", s("OP"), "kind", s("apply"), "done", AttributeValue.fromBool(true),
        "leaseUntil", n(now.plusSeconds(30).toEpochMilli()),
        "deltas", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of(
            "pk", s("STAT#LINK#spring"),
            "sk", s("DAY#2025-04-01#" + shard),
            "amounts", AttributeValue.fromM(Map.of("goals", n(1), "revenue.USD", n(4900)))))))));
    assertThat(item("STAT#LINK#spring", "DAY#2025-04-01#" + shard)).isEqualTo(Map.of(
        "pk", s("STAT#LINK#spring"), "sk", s("DAY#2025-04-01#" + shard), "goals", n(1), "revenue.USD", n(4900)));
  }

  @Test
  void putsAProductsCountersUnderItsOwnPartition() {
    new DynamoDbCounterStore(stack.dynamoDbClient(), table)
        .apply(new Operation("sale#o2", List.of(Delta.of(Counter.product("prod_1", DAY), Fields.SALES, 1))));

    assertThat(item("STAT#PRODUCT#prod_1", "DAY#2025-04-01#" + CounterRow.shardOf("sale#o2")))
        .containsEntry("sales", n(1));
  }

  @Test
  void spreadsOneDaysOperationsOverFourShardsChosenByOperationId() {
    DynamoDbCounterStore store = new DynamoDbCounterStore(stack.dynamoDbClient(), table);
    for (int i = 0; i < 50; i++) {
      store.apply(new Operation("click#c" + i, List.of(Delta.of(Counter.link("hot", DAY), Fields.CLICKS, 1))));
    }

    Set<String> sortKeys = new TreeSet<>();
    stack.dynamoDbClient().queryPaginator(QueryRequest.builder().tableName(table)
            .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s("STAT#LINK#hot"))).build())
        .items().forEach(item -> sortKeys.add(item.get("sk").s()));

    assertThat(sortKeys).containsExactly("DAY#2025-04-01#0", "DAY#2025-04-01#1", "DAY#2025-04-01#2", "DAY#2025-04-01#3");
    assertThat(IntStream.range(0, 50).map(i -> CounterRow.shardOf("click#c" + i)).distinct()).hasSize(4);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void costsTwoWritesPerRowAndTwoMoreForACleanApply(int rows) {
    WriteKiller counter = new WriteKiller();
    DynamoDbCounterStore store = new DynamoDbCounterStore(counter.client(stack), table);
    List<Delta> deltas = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      deltas.add(Delta.of(Counter.link("link" + i, DAY), Fields.GOALS, 1));
    }
    counter.disarm();

    store.apply(new Operation("sale#o3", deltas));

    assertThat(counter.writes()).isEqualTo(2 * rows + 2);
  }

  @Test
  void readsWithConsistentQueriesOnTheCounterPartitionOnly() {
    List<SdkRequest> requests = new ArrayList<>();
    DynamoDbClient recorded = DynamoDbClient.builder()
        .endpointOverride(stack.dynamoDbEndpoint())
        .region(Region.of(LocalStack.REGION))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(LocalStack.ACCESS_KEY_ID, LocalStack.SECRET_ACCESS_KEY)))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
          @Override
          public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            requests.add(context.request());
          }
        }))
        .build();
    DynamoDbCounterStore store = new DynamoDbCounterStore(recorded, table);
    store.apply(new Operation("click#c1", List.of(Delta.of(Counter.link("spring", DAY), Fields.CLICKS, 1))));
    requests.clear();

    store.read(Counter.Subject.LINK, "spring", DAY.minusDays(29), DAY);

    assertThat(requests).hasSize(1).first().isInstanceOfSatisfying(QueryRequest.class, query -> {
      assertThat(query.consistentRead()).isTrue();
      assertThat(query.indexName()).isNull();
      assertThat(query.expressionAttributeValues()).containsEntry(":pk", s("STAT#LINK#spring"))
          .containsEntry(":from", s("DAY#2025-03-03")).containsEntry(":to", s("DAY#2025-04-01#~"));
    });
  }

  private Map<String, AttributeValue> item(String pk, String sk) {
    return stack.dynamoDbClient().getItem(GetItemRequest.builder().tableName(table)
        .key(Map.of("pk", s(pk), "sk", s(sk))).consistentRead(true).build()).item();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
