package io.goalpost.aws.attribution;

import static io.goalpost.aws.attribution.Attributes.key;
import static io.goalpost.aws.attribution.Attributes.s;
import static io.goalpost.aws.attribution.Attributes.text;

import io.goalpost.core.click.UniqueClickers;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Unique-clicker markers in the Goalpost table: pk {@code UNIQ#<slug>#<day>}, sk the clicker key,
 * {@code clickId} the click that set it. Put if absent, else read back: the answer depends only
 * on which click holds the marker, so a redelivery answers as the first delivery did.
 */
public final class DynamoDbUniqueClickers implements UniqueClickers {

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public DynamoDbUniqueClickers(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  @Override
  public boolean firstOfDay(String slug, LocalDate day, String clicker, String clickId) {
    Map<String, AttributeValue> key = key("UNIQ#" + slug + "#" + day, clicker);
    Map<String, AttributeValue> item = new HashMap<>(key);
    item.put("kind", s("unique-clicker"));
    item.put("clickId", s(clickId));
    try {
      dynamoDb.putItem(put -> put.tableName(tableName).item(item).conditionExpression("attribute_not_exists(pk)"));
      return true;
    } catch (ConditionalCheckFailedException markerSet) {
      Map<String, AttributeValue> stored = dynamoDb.getItem(get -> get.tableName(tableName).key(key)
          .consistentRead(true)).item();
      return clickId.equals(text(stored, "clickId"));
    }
  }
}
