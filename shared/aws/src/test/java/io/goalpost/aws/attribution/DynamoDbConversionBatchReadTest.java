package io.goalpost.aws.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.attribution.Conversion;
import io.goalpost.core.attribution.ConversionRecord;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackExtension;
import io.goalpost.testing.TestIds;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * What dynalite never does and DynamoDB does under load: answer a BatchGetItem with some keys
 * unprocessed. A client in front of dynalite leaves half of the keys of the first request
 * unprocessed, and {@code findAll} must still find every conversion, reading them consistently.
 */
@ExtendWith(LocalStackExtension.class)
class DynamoDbConversionBatchReadTest {

  private final String suffix = TestIds.suffix();

  @Test
  void findsEveryConversionWhenDynamoDbLeavesSomeKeysUnprocessed(LocalStack stack) {
    String table = stack.tableName("GoalpostTable");
    List<BatchGetItemRequest> requests = new ArrayList<>();
    List<GetItemRequest> singleReads = new ArrayList<>();
    DynamoDbConversionStore store = new DynamoDbConversionStore(
        halfUnprocessedFirst(stack.dynamoDbClient(), requests, singleReads), table);
    DynamoDbConversionStore writer = new DynamoDbConversionStore(stack.dynamoDbClient(), table);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      String order = "batch" + i + suffix;
      Conversion sale = new Conversion(Conversion.saleId(order), Conversion.Kind.SALE,
          Instant.parse("2025-04-02T10:00:00Z"), "vid" + suffix, null, order, "prod_batch", i, "USD", null, null);
      writer.putIfAbsent(sale);
      ids.add(sale.id());
    }

    Map<String, ConversionRecord> found = store.findAll(ids);

    assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(requests).hasSize(2)
        .allSatisfy(request -> assertThat(request.requestItems().get(table).consistentRead()).isTrue())
        .allSatisfy(request -> assertThat(request.requestItems().get(table).keys()).hasSizeLessThanOrEqualTo(100));
    assertThat(singleReads).as("the 50 keys left unprocessed, each read consistently").hasSize(50)
        .allSatisfy(read -> assertThat(read.consistentRead()).isTrue());
  }

  /** Passes every call on, but the first BatchGetItem gets only its first half of keys read. */
  private static DynamoDbClient halfUnprocessedFirst(DynamoDbClient real, List<BatchGetItemRequest> requests,
      List<GetItemRequest> singleReads) {
    return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
        new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
          if (method.getName().equals("batchGetItem") && args[0] instanceof BatchGetItemRequest request) {
            requests.add(request);
            return requests.size() == 1 ? halfRead(real, request) : real.batchGetItem(request);
          }
          if (method.getName().equals("getItem")) {
            GetItemRequest read = args[0] instanceof GetItemRequest given ? given : built(args[0]);
            singleReads.add(read);
            return real.getItem(read);
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException failed) {
            throw failed.getCause();
          }
        });
  }

  @SuppressWarnings("unchecked")
  private static GetItemRequest built(Object consumer) {
    GetItemRequest.Builder builder = GetItemRequest.builder();
    ((java.util.function.Consumer<GetItemRequest.Builder>) consumer).accept(builder);
    return builder.build();
  }

  private static BatchGetItemResponse halfRead(DynamoDbClient real, BatchGetItemRequest request) {
    String table = request.requestItems().keySet().iterator().next();
    KeysAndAttributes asked = request.requestItems().get(table);
    List<Map<String, AttributeValue>> keys = asked.keys();
    int half = keys.size() / 2;
    BatchGetItemResponse read = real.batchGetItem(request.toBuilder()
        .requestItems(Map.of(table, asked.toBuilder().keys(keys.subList(0, half)).build())).build());
    return read.toBuilder()
        .unprocessedKeys(Map.of(table, asked.toBuilder().keys(keys.subList(half, keys.size())).build())).build();
  }
}
