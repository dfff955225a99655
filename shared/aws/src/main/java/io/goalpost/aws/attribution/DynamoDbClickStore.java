package io.goalpost.aws.attribution;

import static io.goalpost.aws.attribution.Attributes.instant;
import static io.goalpost.aws.attribution.Attributes.key;
import static io.goalpost.aws.attribution.Attributes.putIfPresent;
import static io.goalpost.aws.attribution.Attributes.s;
import static io.goalpost.aws.attribution.Attributes.text;

import io.goalpost.core.click.Click;
import io.goalpost.core.click.ClickStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Clicks in the Goalpost table: pk {@code CLICK#<clickId>}, sk {@code CLICK}; slug, at,
 * visitorId?, human. The conversions naming a click sit in the same partition
 * ({@link DynamoDbConversionStore}), so one query finds them.
 */
public final class DynamoDbClickStore implements ClickStore {

  static final String SK = "CLICK";

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public DynamoDbClickStore(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  static String pk(String clickId) {
    return "CLICK#" + clickId;
  }

  @Override
  public Click putIfAbsent(Click click) {
    try {
      dynamoDb.putItem(put -> put.tableName(tableName).item(itemOf(click))
          .conditionExpression("attribute_not_exists(pk)"));
      return click;
    } catch (ConditionalCheckFailedException alreadyStored) {
      return find(click.clickId()).orElseThrow();
    }
  }

  @Override
  public Optional<Click> find(String clickId) {
    Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
        .key(key(pk(clickId), SK)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(clickOf(item));
  }

  private static Map<String, AttributeValue> itemOf(Click click) {
    Map<String, AttributeValue> item = new HashMap<>(key(pk(click.clickId()), SK));
    item.put("kind", s("click"));
    item.put("clickId", s(click.clickId()));
    item.put("slug", s(click.slug()));
    item.put("at", s(click.at().toString()));
    putIfPresent(item, "visitorId", click.visitorId());
    item.put("human", AttributeValue.fromBool(click.human()));
    return item;
  }

  private static Click clickOf(Map<String, AttributeValue> item) {
    // Clicks stored before bots were told apart were all counted as people's.
    AttributeValue human = item.get("human");
    return new Click(text(item, "clickId"), text(item, "slug"), instant(item, "at"), text(item, "visitorId"),
        human == null || human.bool());
  }
}
