package io.goalpost.aws.lead;

import static io.goalpost.aws.lead.LeadItems.key;
import static io.goalpost.aws.lead.LeadItems.lead;
import static io.goalpost.aws.lead.LeadItems.query;
import static io.goalpost.aws.lead.LeadItems.s;
import static io.goalpost.aws.lead.LeadItems.sortable;
import static io.goalpost.aws.lead.LeadItems.text;
import static io.goalpost.aws.lead.LeadItems.visitor;

import io.goalpost.core.lead.ConsentChange;
import io.goalpost.core.lead.ConsentHistory;
import io.goalpost.core.lead.Join;
import io.goalpost.core.lead.Lead;
import io.goalpost.core.lead.LeadStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Leads in the Goalpost table (docs/decisions/007): {@code LEAD#<leadId>/LEAD} is the only item
 * that holds an email; {@code EMAIL#<hash>/EMAIL} points to it; consent changes and joins share
 * the lead's partition; the visitor side of a join is {@code VID#<visitorId>/LEAD#<leadId>};
 * diagnostic joins are {@code DIAG#<hash>/VID#<visitorId>}. Single-item writes only.
 */
public final class DynamoDbLeadStore implements LeadStore {

  private static final String LEAD = "LEAD";
  private static final String CONSENT = "CONSENT#";
  private static final String JOIN = "JOIN#";

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public DynamoDbLeadStore(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  private static String pointer(String emailHash) {
    return "EMAIL#" + emailHash;
  }

  private static String diagnostic(String emailHash) {
    return "DIAG#" + emailHash;
  }

  @Override
  public String createOrFind(String email, String emailHash, String newLeadId, Instant at) {
    String leadId = newLeadId;
    try {
      dynamoDb.putItem(put -> put.tableName(tableName)
          .item(Map.of("pk", s(pointer(emailHash)), "sk", s("EMAIL"), "kind", s("email-pointer"),
              "leadId", s(newLeadId)))
          .conditionExpression("attribute_not_exists(pk)"));
    } catch (ConditionalCheckFailedException taken) {
      leadId = findByEmailHash(emailHash).orElseThrow(() -> new IllegalStateException("email pointer vanished"));
    }
    String id = leadId;
    try {
      // A crash between the two puts leaves a pointer whose next caller puts the lead.
      dynamoDb.putItem(put -> put.tableName(tableName)
          .item(Map.of("pk", s(lead(id)), "sk", s(LEAD), "kind", s("lead"), "leadId", s(id), "email", s(email),
              "emailHash", s(emailHash), "createdAt", s(at.toString())))
          .conditionExpression("attribute_not_exists(pk)"));
    } catch (ConditionalCheckFailedException alreadyThere) {
      // The first creator's facts stay.
    }
    return id;
  }

  @Override
  public Optional<String> findByEmailHash(String emailHash) {
    Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
        .key(key(pointer(emailHash), "EMAIL")).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(text(item, "leadId"));
  }

  @Override
  public Optional<Lead> find(String leadId) {
    Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName)
        .key(key(lead(leadId), LEAD)).consistentRead(true)).item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    boolean erased = item.containsKey("erased") && Boolean.TRUE.equals(item.get("erased").bool());
    List<String> visitors = item.containsKey("visitorIds")
        ? item.get("visitorIds").l().stream().map(AttributeValue::s).toList() : List.of();
    return Optional.of(new Lead(leadId, text(item, "email"), text(item, "emailHash"),
        Instant.parse(text(item, "createdAt")), erased, visitors));
  }

  @Override
  public void addConsent(String leadId, ConsentChange change) {
    dynamoDb.putItem(put -> put.tableName(tableName).item(Map.of(
        "pk", s(lead(leadId)), "sk", s(CONSENT + sortable(change.at()) + "#" + change.changeId()),
        "kind", s("consent"), "gdprConsent", AttributeValue.fromBool(change.gdprConsent()),
        "at", s(change.at().toString()), "changeId", s(change.changeId()), "source", s(change.source()))));
  }

  @Override
  public ConsentHistory consentOf(String leadId) {
    return new ConsentHistory(query(dynamoDb, tableName, lead(leadId), CONSENT).stream()
        .map(item -> new ConsentChange(item.get("gdprConsent").bool(), Instant.parse(text(item, "at")),
            text(item, "changeId"), text(item, "source")))
        .toList());
  }

  @Override
  public void join(String leadId, Join join) {
    dynamoDb.putItem(put -> put.tableName(tableName).item(Map.of(
        "pk", s(visitor(join.visitorId())), "sk", s("LEAD#" + leadId), "kind", s("visitor-lead"),
        "leadId", s(leadId), "at", s(join.at().toString()))));
    try {
      dynamoDb.putItem(put -> put.tableName(tableName).item(Map.of(
              "pk", s(lead(leadId)), "sk", s(JOIN + join.visitorId()), "kind", s("join"),
              "visitorId", s(join.visitorId()), "at", s(join.at().toString()), "source", s(join.source())))
          .conditionExpression("attribute_not_exists(pk)"));
    } catch (ConditionalCheckFailedException joinedBefore) {
      // The first join's time stays.
    }
  }

  @Override
  public List<Join> joinsOf(String leadId) {
    return query(dynamoDb, tableName, lead(leadId), JOIN).stream()
        .map(item -> new Join(text(item, "visitorId"), Instant.parse(text(item, "at")), text(item, "source")))
        .toList();
  }

  @Override
  public List<String> leadsOfVisitor(String visitorId) {
    return query(dynamoDb, tableName, visitor(visitorId), "LEAD#").stream().map(item -> text(item, "leadId")).toList();
  }

  /**
   * The tombstone is written first, then the pointer deleted (only if it still names this lead);
   * a repeat does the delete again while the tombstone still holds the hash.
   */
  @Override
  public boolean tombstone(String leadId, List<String> visitorIds, Instant at) {
    Optional<Lead> found = find(leadId);
    if (found.isEmpty()) {
      return false;
    }
    if (!found.get().erased()) {
      try {
        dynamoDb.updateItem(update -> update.tableName(tableName).key(key(lead(leadId), LEAD))
            .updateExpression("SET erased = :true, erasedAt = :at, visitorIds = :visitors REMOVE email")
            .conditionExpression("attribute_exists(pk) AND attribute_not_exists(erased)")
            .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true), ":at", s(at.toString()),
                ":visitors", AttributeValue.fromL(visitorIds.stream().map(LeadItems::s).toList()))));
      } catch (ConditionalCheckFailedException tombstonedMeanwhile) {
        // Another DELETE got there first; its visitor ids stand.
      }
    }
    String hash = found.get().emailHash();
    if (hash != null) {
      try {
        dynamoDb.deleteItem(delete -> delete.tableName(tableName).key(key(pointer(hash), "EMAIL"))
            .conditionExpression("leadId = :lead").expressionAttributeValues(Map.of(":lead", s(leadId))));
      } catch (ConditionalCheckFailedException goneOrANewLeads) {
        // Deleted before, or a later purchase already started a new lead with this email.
      }
    }
    return true;
  }

  @Override
  public void eraseHistory(String leadId) {
    Optional<Lead> tombstone = find(leadId).filter(Lead::erased);
    if (tombstone.isEmpty()) {
      return;
    }
    query(dynamoDb, tableName, lead(leadId), CONSENT).forEach(item -> LeadItems.delete(dynamoDb, tableName, item));
    for (Map<String, AttributeValue> join : query(dynamoDb, tableName, lead(leadId), JOIN)) {
      dynamoDb.deleteItem(delete -> delete.tableName(tableName)
          .key(key(visitor(text(join, "visitorId")), "LEAD#" + leadId)));
      LeadItems.delete(dynamoDb, tableName, join);
    }
    String hash = tombstone.get().emailHash();
    if (hash != null) {
      LeadItems.partition(dynamoDb, tableName, diagnostic(hash)).forEach(item -> LeadItems.delete(dynamoDb, tableName, item));
      dynamoDb.updateItem(update -> update.tableName(tableName).key(key(lead(leadId), LEAD))
          .updateExpression("REMOVE emailHash"));
    }
  }

  @Override
  public void addDiagnosticJoin(String emailHash, String visitorId, Instant at) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", s(diagnostic(emailHash)));
    item.put("sk", s("VID#" + visitorId));
    item.put("kind", s("diagnostic-join"));
    item.put("visitorId", s(visitorId));
    item.put("at", s(at.toString()));
    dynamoDb.putItem(put -> put.tableName(tableName).item(item));
  }

  @Override
  public List<String> mayNotJoin(String emailHash) {
    return query(dynamoDb, tableName, diagnostic(emailHash), "VID#").stream().map(item -> text(item, "visitorId")).toList();
  }
}
