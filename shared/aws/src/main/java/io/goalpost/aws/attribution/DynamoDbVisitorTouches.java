package io.goalpost.aws.attribution;

import static io.goalpost.aws.attribution.Attributes.instant;
import static io.goalpost.aws.attribution.Attributes.putIfPresent;
import static io.goalpost.aws.attribution.Attributes.s;
import static io.goalpost.aws.attribution.Attributes.sortable;
import static io.goalpost.aws.attribution.Attributes.text;

import io.goalpost.core.event.PageEvent;
import io.goalpost.core.identity.Touch;
import io.goalpost.core.identity.VisitorTouches;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Page touches in the Goalpost table: pk {@code VID#<visitorId>}, sk
 * {@code TOUCH#<sortable time>#<eventId>}; type, eventId, at, url, clickId?, formId?, productId?.
 * Beside the visitor's clicks and conversions, so erasing a visitor is one partition.
 */
public final class DynamoDbVisitorTouches implements VisitorTouches {

  private static final String TOUCHES = "TOUCH#";

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public DynamoDbVisitorTouches(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  @Override
  public void add(String visitorId, Touch touch) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", s(DynamoDbLineageStore.pk(visitorId)));
    item.put("sk", s(TOUCHES + sortable(touch.at()) + "#" + touch.eventId()));
    item.put("kind", s("touch"));
    item.put("type", s(touch.kind().wireName()));
    item.put("eventId", s(touch.eventId()));
    item.put("at", s(touch.at().toString()));
    item.put("url", s(touch.url()));
    putIfPresent(item, "clickId", touch.clickId());
    putIfPresent(item, "formId", touch.formId());
    putIfPresent(item, "productId", touch.productId());
    // The same touch always makes the same item, so a plain put is safe to repeat.
    dynamoDb.putItem(put -> put.tableName(tableName).item(item));
  }

  @Override
  public List<Touch> of(String visitorId) {
    return dynamoDb.queryPaginator(query -> query.tableName(tableName)
            .keyConditionExpression("pk = :pk AND begins_with(sk, :touches)")
            .expressionAttributeValues(Map.of(":pk", s(DynamoDbLineageStore.pk(visitorId)), ":touches", s(TOUCHES)))
            .consistentRead(true))
        .items().stream()
        .map(item -> new Touch(PageEvent.Kind.fromWireName(text(item, "type")), text(item, "eventId"),
            instant(item, "at"), text(item, "url"), text(item, "clickId"), text(item, "formId"),
            text(item, "productId")))
        .toList();
  }
}
