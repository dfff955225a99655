package io.goalpost.aws.click;

import io.goalpost.core.click.SaltStore;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Daily salts in the Goalpost table: pk {@code SALT#<yyyy-mm-dd>}, sk {@code SALT}, {@code salt}
 * (32 bytes) while the day lasts. Retiring overwrites the item with one that has no salt, so the
 * bytes are gone and a late put-if-absent for that day fails; it is a PutItem, which the
 * redirect's write policy already allows (no DeleteItem). Both carry a {@code ttl} two days after
 * the day began: a backstop that removes the item should retiring ever fail, never correctness.
 */
public final class DynamoDbSaltStore implements SaltStore {

  static final String SK = "SALT";
  private static final int TTL_DAYS = 2;

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public DynamoDbSaltStore(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  static String pk(LocalDate day) {
    return "SALT#" + day;
  }

  @Override
  public Optional<DaySalt> find(LocalDate day) {
    Map<String, AttributeValue> item = dynamoDb.getItem(get -> get.tableName(tableName).key(key(day))
        .consistentRead(true)).item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    AttributeValue salt = item.get("salt");
    return Optional.of(new DaySalt(day, salt == null ? null : salt.b().asByteArray()));
  }

  @Override
  public boolean create(LocalDate day, byte[] salt) {
    Map<String, AttributeValue> item = itemFor(day);
    item.put("salt", AttributeValue.fromB(SdkBytes.fromByteArray(salt)));
    try {
      dynamoDb.putItem(put -> put.tableName(tableName).item(item).conditionExpression("attribute_not_exists(pk)"));
      return true;
    } catch (ConditionalCheckFailedException dayHasOne) {
      return false;
    }
  }

  @Override
  public void retire(LocalDate day) {
    Map<String, AttributeValue> item = itemFor(day);
    item.put("retired", AttributeValue.fromBool(true));
    dynamoDb.putItem(put -> put.tableName(tableName).item(item));
  }

  private static Map<String, AttributeValue> itemFor(LocalDate day) {
    Map<String, AttributeValue> item = new HashMap<>(key(day));
    item.put("kind", AttributeValue.fromS("salt"));
    long expires = day.plusDays(TTL_DAYS).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    item.put("ttl", AttributeValue.fromN(Long.toString(expires)));
    return item;
  }

  private static Map<String, AttributeValue> key(LocalDate day) {
    return Map.of("pk", AttributeValue.fromS(pk(day)), "sk", AttributeValue.fromS(SK));
  }
}
