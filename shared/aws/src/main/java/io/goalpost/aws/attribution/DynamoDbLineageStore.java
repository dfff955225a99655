package io.goalpost.aws.attribution;

import static io.goalpost.aws.attribution.Attributes.instant;
import static io.goalpost.aws.attribution.Attributes.s;
import static io.goalpost.aws.attribution.Attributes.sortable;
import static io.goalpost.aws.attribution.Attributes.text;

import io.goalpost.core.click.Click;
import io.goalpost.core.click.LineageStore;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Lineages in the Goalpost table: pk {@code VID#<visitorId>}, sk
 * {@code CLICK#<sortable time>#<clickId>}, so one consistent query reads a visitor's clicks in
 * time order. The visitor's conversions share the partition under {@code CONV#}.
 */
public final class DynamoDbLineageStore implements LineageStore {

  private static final String CLICKS = "CLICK#";

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public DynamoDbLineageStore(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  static String pk(String visitorId) {
    return "VID#" + visitorId;
  }

  @Override
  public void addClick(String visitorId, Click click) {
    // The same click always makes the same item, so a plain put is safe to repeat.
    dynamoDb.putItem(put -> put.tableName(tableName).item(Map.of(
        "pk", s(pk(visitorId)),
        "sk", s(CLICKS + sortable(click.at()) + "#" + click.clickId()),
        "kind", s("lineage-click"),
        "clickId", s(click.clickId()),
        "slug", s(click.slug()),
        "at", s(click.at().toString()))));
  }

  @Override
  public List<Click> clicksOf(String visitorId) {
    return dynamoDb.queryPaginator(query -> query.tableName(tableName)
            .keyConditionExpression("pk = :pk AND begins_with(sk, :clicks)")
            .expressionAttributeValues(Map.of(":pk", s(pk(visitorId)), ":clicks", s(CLICKS)))
            .consistentRead(true))
        .items().stream()
        .map(item -> new Click(text(item, "clickId"), text(item, "slug"), instant(item, "at"), visitorId))
        .toList();
  }
}
