package io.goalpost.aws.click;

import io.goalpost.core.click.SaltStore;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The one salt in the Goalpost table: pk {@code SALT}, sk {@code SALT}; {@code day}
 * (yyyy-mm-dd), {@code salt} (32 bytes). A new day's salt is a PutItem over the old one, on
 * condition the stored day is earlier, so the old salt is overwritten, not deleted: the
 * redirect's write policy already allows it (no DeleteItem). {@code ttl} (the end of the salt's
 * day) removes the salt of a last day no later click replaces; a cost and privacy aid only, as
 * reading never uses another day's salt.
 */
public final class DynamoDbSaltStore implements SaltStore {

  static final String KEY = "SALT";

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public DynamoDbSaltStore(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  @Override
  public Optional<DaySalt> current() {
    Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName).key(key())
        .consistentRead(true)).item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new DaySalt(LocalDate.parse(item.get("day").s()), item.get("salt").b().asByteArray()));
  }

  @Override
  public boolean replaceEarlier(DaySalt salt) {
    long endOfDay = salt.day().plusDays(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    Map<String, AttributeValue> item = Map.of(
        "pk", AttributeValue.fromS(KEY),
        "sk", AttributeValue.fromS(KEY),
        "kind", AttributeValue.fromS("salt"),
        "day", AttributeValue.fromS(salt.day().toString()),
        "salt", AttributeValue.fromB(SdkBytes.fromByteArray(salt.bytes())),
        "ttl", AttributeValue.fromN(Long.toString(endOfDay)));
    try {
      dynamoDb.putItem(put -> put.tableName(tableName).item(item)
          .conditionExpression("attribute_not_exists(pk) OR #day < :day")
          .expressionAttributeNames(Map.of("#day", "day"))
          .expressionAttributeValues(Map.of(":day", AttributeValue.fromS(salt.day().toString()))));
      return true;
    } catch (ConditionalCheckFailedException sameDayOrLater) {
      return false;
    }
  }

  private static Map<String, AttributeValue> key() {
    return Map.of("pk", AttributeValue.fromS(KEY), "sk", AttributeValue.fromS(KEY));
  }
}
