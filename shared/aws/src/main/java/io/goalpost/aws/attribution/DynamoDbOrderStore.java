package io.goalpost.aws.attribution;

import static io.goalpost.aws.attribution.Attributes.instant;
import static io.goalpost.aws.attribution.Attributes.key;
import static io.goalpost.aws.attribution.Attributes.n;
import static io.goalpost.aws.attribution.Attributes.number;
import static io.goalpost.aws.attribution.Attributes.s;
import static io.goalpost.aws.attribution.Attributes.text;

import io.goalpost.core.attribution.OrderPayment;
import io.goalpost.core.attribution.OrderSettlement;
import io.goalpost.core.attribution.OrderStore;
import io.goalpost.core.counter.Operation;
import io.goalpost.core.counter.Tally;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Orders' later payments and settlements in the Goalpost table (docs/decisions/005):
 * <ul>
 *   <li>pk {@code ORDER#<orderId>}, sk {@code PAY#<rebill|refund>#<paymentId>}: a payment's facts,
 *       put once ({@code attribute_not_exists}); no email;</li>
 *   <li>pk {@code ORDER#<orderId>}, sk {@code ORDER}: {@code version}, {@code applied} (the rows and
 *       amounts the payments added so far) and {@code pending} (an operation) while set.</li>
 * </ul>
 * A settlement change is one {@code UpdateItem} conditioned on the version: no transactions.
 */
public final class DynamoDbOrderStore implements OrderStore {

  private static final String SETTLEMENT = "ORDER";
  private static final String PAYMENTS = "PAY#";

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public DynamoDbOrderStore(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  static String pk(String orderId) {
    return "ORDER#" + orderId;
  }

  private static String sk(OrderPayment payment) {
    return PAYMENTS + payment.kind().wireName() + "#" + payment.paymentId();
  }

  @Override
  public OrderPayment putIfAbsent(OrderPayment payment) {
    Map<String, AttributeValue> item = new HashMap<>(key(pk(payment.orderId()), sk(payment)));
    item.put("kind", s("payment"));
    item.put("type", s(payment.kind().wireName()));
    item.put("orderId", s(payment.orderId()));
    item.put("paymentId", s(payment.paymentId()));
    item.put("at", s(payment.at().toString()));
    item.put("productId", s(payment.productId()));
    item.put("amount", n(payment.amount()));
    item.put("currency", s(payment.currency()));
    try {
      dynamoDb.putItem(put -> put.tableName(tableName).item(item).conditionExpression("attribute_not_exists(pk)"));
      return payment;
    } catch (ConditionalCheckFailedException alreadyStored) {
      return paymentOf(dynamoDb.getItem(get -> get.tableName(tableName)
          .key(key(pk(payment.orderId()), sk(payment))).consistentRead(true)).item());
    }
  }

  @Override
  public List<OrderPayment> paymentsOf(String orderId) {
    return dynamoDb.queryPaginator(query -> query.tableName(tableName)
            .keyConditionExpression("pk = :pk AND begins_with(sk, :payments)")
            .expressionAttributeValues(Map.of(":pk", s(pk(orderId)), ":payments", s(PAYMENTS)))
            .consistentRead(true))
        .items().stream().map(DynamoDbOrderStore::paymentOf).sorted(OrderPayment.BY_TIME).toList();
  }

  @Override
  public OrderSettlement settlement(String orderId) {
    Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
        .key(key(pk(orderId), SETTLEMENT)).consistentRead(true)).item();
    if (item == null || item.isEmpty()) {
      return OrderSettlement.none();
    }
    AttributeValue pending = item.get("pending");
    return new OrderSettlement(number(item, "version"), Tally.of(OperationAttribute.deltasFrom(item.get("applied"))),
        pending == null ? null : OperationAttribute.from(pending));
  }

  @Override
  public boolean changeSettlement(String orderId, long expectedVersion, Tally applied, Operation pending) {
    return VersionedUpdate.fromAbsentAtZero(expectedVersion)
        .set("applied", OperationAttribute.deltas(applied.deltas()))
        .set("kind", s("order-settlement"))
        .pending(pending)
        .write(dynamoDb, tableName, key(pk(orderId), SETTLEMENT));
  }

  @Override
  public void clearPending(String orderId, String operationId) {
    VersionedUpdate.clearPending(dynamoDb, tableName, key(pk(orderId), SETTLEMENT), operationId);
  }

  private static OrderPayment paymentOf(Map<String, AttributeValue> item) {
    return new OrderPayment(OrderPayment.Kind.fromWireName(text(item, "type")), text(item, "orderId"),
        text(item, "paymentId"), instant(item, "at"), text(item, "productId"), number(item, "amount"),
        text(item, "currency"));
  }
}
