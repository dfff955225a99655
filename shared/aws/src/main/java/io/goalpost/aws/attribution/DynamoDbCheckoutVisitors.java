package io.goalpost.aws.attribution;

import static io.goalpost.aws.attribution.Attributes.key;
import static io.goalpost.aws.attribution.Attributes.s;
import static io.goalpost.aws.attribution.Attributes.text;

import io.goalpost.core.attribution.CheckoutVisitors;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Checkout-visitor markers in the Goalpost table: pk {@code CHECKOUT#<productId>#<day>}, sk
 * {@code vid#<visitorId>}, {@code eventId} the view that set it. Put if absent, else read back: the
 * answer depends only on which view holds the marker, so a redelivery answers as before.
 */
public final class DynamoDbCheckoutVisitors implements CheckoutVisitors {

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public DynamoDbCheckoutVisitors(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  @Override
  public boolean firstOfDay(String productId, LocalDate day, String visitorId, String eventId) {
    Map<String, AttributeValue> key = key("CHECKOUT#" + productId + "#" + day, "vid#" + visitorId);
    Map<String, AttributeValue> item = new HashMap<>(key);
    item.put("kind", s("checkout-visitor"));
    item.put("eventId", s(eventId));
    try {
      dynamoDb.putItem(put -> put.tableName(tableName).item(item).conditionExpression("attribute_not_exists(pk)"));
      return true;
    } catch (ConditionalCheckFailedException markerSet) {
      Map<String, AttributeValue> stored = dynamoDb.getItem(get -> get.tableName(tableName).key(key)
          .consistentRead(true)).item();
      return eventId.equals(text(stored, "eventId"));
    }
  }
}
