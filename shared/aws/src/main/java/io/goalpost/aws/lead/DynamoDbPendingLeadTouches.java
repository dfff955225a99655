package io.goalpost.aws.lead;

import static io.goalpost.aws.lead.LeadItems.key;
import static io.goalpost.aws.lead.LeadItems.query;
import static io.goalpost.aws.lead.LeadItems.s;
import static io.goalpost.aws.lead.LeadItems.text;

import io.goalpost.core.event.PageEvent;
import io.goalpost.core.lead.PendingLeadTouches;
import io.goalpost.core.lead.PendingTouch;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Pending touches (docs/decisions/010): {@code CLICK#<clickId>} / {@code PENDING#<eventId>} with
 * the event's type, time, reduced url and form, next to the click item they wait for. Put if
 * absent; a {@code ttl} 30 days after the event time only saves storage should a click never come:
 * it outlasts any click message (4 days on the queue, 14 on its dead-letter queue), so it never
 * takes a touch a click could still replay.
 */
public final class DynamoDbPendingLeadTouches implements PendingLeadTouches {

  static final Duration KEPT_AT_MOST = Duration.ofDays(30);
  private static final String PENDING = "PENDING#";

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public DynamoDbPendingLeadTouches(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  @Override
  public void keep(PendingTouch touch) {
    try {
      dynamoDb.putItem(put -> put.tableName(tableName).item(itemOf(touch))
          .conditionExpression("attribute_not_exists(pk)"));
    } catch (ConditionalCheckFailedException keptBefore) {
      // The first delivery's touch stays.
    }
  }

  @Override
  public List<PendingTouch> waitingFor(String clickId) {
    return query(dynamoDb, tableName, click(clickId), PENDING).stream()
        .map(DynamoDbPendingLeadTouches::touchOf)
        .toList();
  }

  @Override
  public void forget(String clickId, String eventId) {
    dynamoDb.deleteItem(delete -> delete.tableName(tableName).key(key(click(clickId), PENDING + eventId)));
  }

  private static String click(String clickId) {
    return "CLICK#" + clickId;
  }

  private static Map<String, AttributeValue> itemOf(PendingTouch touch) {
    Map<String, AttributeValue> item = new HashMap<>(key(click(touch.clickId()), PENDING + touch.eventId()));
    item.put("kind", s("pending-lead-touch"));
    item.put("clickId", s(touch.clickId()));
    item.put("eventId", s(touch.eventId()));
    item.put("type", s(touch.kind().wireName()));
    item.put("at", s(touch.at().toString()));
    item.put("url", s(touch.url()));
    if (touch.formId() != null) {
      item.put("formId", s(touch.formId()));
    }
    item.put("ttl", AttributeValue.fromN(Long.toString(touch.at().plus(KEPT_AT_MOST).getEpochSecond())));
    return item;
  }

  private static PendingTouch touchOf(Map<String, AttributeValue> item) {
    return new PendingTouch(text(item, "clickId"), text(item, "eventId"),
        PageEvent.Kind.fromWireName(text(item, "type")), Instant.parse(text(item, "at")), text(item, "url"),
        text(item, "formId"));
  }
}
