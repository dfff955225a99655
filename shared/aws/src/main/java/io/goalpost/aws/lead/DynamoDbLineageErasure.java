package io.goalpost.aws.lead;

import io.goalpost.core.lead.LineageErasure;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Deletes an identity's {@code VID#} partition item by item (docs/decisions/007): its clicks,
 * touches, claims, lead links and conversion references. A crash midway leaves the rest for the
 * redelivery, which deletes what is left.
 */
public final class DynamoDbLineageErasure implements LineageErasure {

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public DynamoDbLineageErasure(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  @Override
  public void eraseLineage(String identity) {
    LeadItems.partition(dynamoDb, tableName, LeadItems.visitor(identity))
        .forEach(item -> LeadItems.delete(dynamoDb, tableName, item));
  }
}
