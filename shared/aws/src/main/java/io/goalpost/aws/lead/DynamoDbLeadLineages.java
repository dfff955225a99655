package io.goalpost.aws.lead;

import static io.goalpost.aws.lead.LeadItems.key;
import static io.goalpost.aws.lead.LeadItems.lead;
import static io.goalpost.aws.lead.LeadItems.query;
import static io.goalpost.aws.lead.LeadItems.s;
import static io.goalpost.aws.lead.LeadItems.text;

import io.goalpost.core.lead.LeadLineages;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The worker's lead items (docs/decisions/007): {@code LEAD#<leadId>/CLICK#<clickId>} with its
 * reverse {@code CLICK#<clickId>/LEAD#<leadId>}, a {@code gp_lt} click's mark
 * {@code CLICK#<clickId>/GPLT#<leadId>} (docs/decisions/010), {@code LEAD#<leadId>/CONV#<conversionId>}, and
 * {@code ERASED#<visitorId>/ERASED}. Plain puts of the same item, safe to repeat.
 */
public final class DynamoDbLeadLineages implements LeadLineages {

  private static final String CLICK = "CLICK#";
  private static final String CONV = "CONV#";
  private static final String PERSONALISED = "GPLT#";

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public DynamoDbLeadLineages(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  @Override
  public void addClick(String leadId, String clickId) {
    put(Map.of("pk", s(CLICK + clickId), "sk", s("LEAD#" + leadId), "kind", s("click-lead"), "leadId", s(leadId)));
    put(Map.of("pk", s(lead(leadId)), "sk", s(CLICK + clickId), "kind", s("lead-click"), "clickId", s(clickId)));
  }

  @Override
  public List<String> clicksOf(String leadId) {
    return query(dynamoDb, tableName, lead(leadId), CLICK).stream().map(item -> text(item, "clickId")).toList();
  }

  @Override
  public List<String> leadsOfClick(String clickId) {
    return query(dynamoDb, tableName, CLICK + clickId, "LEAD#").stream().map(item -> text(item, "leadId")).toList();
  }

  @Override
  public void addPersonalisedClick(String leadId, String clickId) {
    addClick(leadId, clickId);
    // Its own item, not an attribute of the lineage item: an opt-in naming the same click puts
    // that item again, and must not take the mark away.
    put(Map.of("pk", s(CLICK + clickId), "sk", s(PERSONALISED + leadId), "kind", s("personalised-click"),
        "leadId", s(leadId)));
  }

  @Override
  public List<String> leadsOfPersonalisedClick(String clickId) {
    return query(dynamoDb, tableName, CLICK + clickId, PERSONALISED).stream().map(item -> text(item, "leadId")).toList();
  }

  @Override
  public void referConversion(String leadId, String conversionId) {
    put(Map.of("pk", s(lead(leadId)), "sk", s(CONV + conversionId), "kind", s("lead-conversion-ref"),
        "conversionId", s(conversionId)));
  }

  @Override
  public List<String> conversionsOf(String leadId) {
    return query(dynamoDb, tableName, lead(leadId), CONV).stream().map(item -> text(item, "conversionId")).toList();
  }

  @Override
  public void markErased(String visitorId, String leadId) {
    put(Map.of("pk", s(erased(visitorId)), "sk", s("ERASED"), "kind", s("erased-visitor"), "leadId", s(leadId)));
  }

  @Override
  public boolean isErased(String visitorId) {
    Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
        .key(key(erased(visitorId), "ERASED")).consistentRead(true)).item();
    return item != null && !item.isEmpty();
  }

  @Override
  public void erase(String leadId) {
    for (Map<String, AttributeValue> click : query(dynamoDb, tableName, lead(leadId), CLICK)) {
      dynamoDb.deleteItem(delete -> delete.tableName(tableName).key(key(CLICK + text(click, "clickId"), "LEAD#" + leadId)));
      dynamoDb.deleteItem(delete -> delete.tableName(tableName)
          .key(key(CLICK + text(click, "clickId"), PERSONALISED + leadId)));
      LeadItems.delete(dynamoDb, tableName, click);
    }
    query(dynamoDb, tableName, lead(leadId), CONV).forEach(item -> LeadItems.delete(dynamoDb, tableName, item));
  }

  private static String erased(String visitorId) {
    return "ERASED#" + visitorId;
  }

  private void put(Map<String, AttributeValue> item) {
    dynamoDb.putItem(put -> put.tableName(tableName).item(item));
  }
}
