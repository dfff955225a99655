package io.goalpost.aws.attribution;

import static io.goalpost.aws.attribution.Attributes.instant;
import static io.goalpost.aws.attribution.Attributes.s;
import static io.goalpost.aws.attribution.Attributes.sortable;
import static io.goalpost.aws.attribution.Attributes.text;

import io.goalpost.core.identity.Claim;
import io.goalpost.core.identity.ClaimStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Claim attempts in the Goalpost table, one item on each side:
 * <ul>
 *   <li>pk {@code VID#<visitorId>}, sk {@code CLAIM#<clickId>}: the visitor tried to claim the click
 *       (one item however often it tried);</li>
 *   <li>pk {@code CLICK#<clickId>}, sk {@code CLAIM#<sortable time>#<visitorId>}: each attempt, so one
 *       query over a time range, in key order, reads them earliest first.</li>
 * </ul>
 * Both are plain puts: the same attempt always makes the same items.
 */
public final class DynamoDbClaimStore implements ClaimStore {

  private static final String CLAIMS = "CLAIM#";
  /** Sorts after every character of a visitor id, so a range ending at an instant takes all of its claims. */
  private static final String AFTER_ANY_VISITOR = "#~";

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public DynamoDbClaimStore(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  @Override
  public void add(Claim claim) {
    dynamoDb.putItem(put -> put.tableName(tableName).item(Map.of(
        "pk", s(DynamoDbLineageStore.pk(claim.visitorId())),
        "sk", s(CLAIMS + claim.clickId()),
        "kind", s("claim-ref"),
        "clickId", s(claim.clickId()))));
    dynamoDb.putItem(put -> put.tableName(tableName).item(Map.of(
        "pk", s(DynamoDbClickStore.pk(claim.clickId())),
        "sk", s(CLAIMS + sortable(claim.at()) + "#" + claim.visitorId()),
        "kind", s("claim"),
        "clickId", s(claim.clickId()),
        "visitorId", s(claim.visitorId()),
        "at", s(claim.at().toString()))));
  }

  @Override
  public List<Claim> claimsOf(String clickId, Instant from, Instant to) {
    return dynamoDb.queryPaginator(query -> query.tableName(tableName)
            .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
            .expressionAttributeValues(Map.of(
                ":pk", s(DynamoDbClickStore.pk(clickId)),
                ":from", s(CLAIMS + sortable(from)),
                ":to", s(CLAIMS + sortable(to) + AFTER_ANY_VISITOR)))
            .consistentRead(true))
        .items().stream()
        .map(item -> new Claim(clickId, text(item, "visitorId"), instant(item, "at")))
        .toList();
  }

  @Override
  public List<String> claimedBy(String visitorId) {
    return dynamoDb.queryPaginator(query -> query.tableName(tableName)
            .keyConditionExpression("pk = :pk AND begins_with(sk, :claims)")
            .expressionAttributeValues(Map.of(":pk", s(DynamoDbLineageStore.pk(visitorId)), ":claims", s(CLAIMS)))
            .consistentRead(true))
        .items().stream()
        .map(item -> text(item, "clickId"))
        .toList();
  }
}
