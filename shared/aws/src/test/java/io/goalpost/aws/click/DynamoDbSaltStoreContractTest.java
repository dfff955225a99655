package io.goalpost.aws.click;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.click.SaltStore;
import io.goalpost.core.click.SaltStore.DaySalt;
import io.goalpost.local.stack.LocalStack;
import io.goalpost.local.stack.LocalStackExtension;
import io.goalpost.testing.SaltStoreContract;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The SaltStore contract against dynalite, on the table template.yaml declares. */
@ExtendWith(LocalStackExtension.class)
class DynamoDbSaltStoreContractTest extends SaltStoreContract {

  private static final Map<String, AttributeValue> KEY =
      Map.of("pk", AttributeValue.fromS("SALT"), "sk", AttributeValue.fromS("SALT"));

  private LocalStack stack;
  private SaltStore store;

  @BeforeEach
  void startEmpty(LocalStack stack) {
    this.stack = stack;
    stack.dynamoDbClient().deleteItem(delete -> delete.tableName(table()).key(KEY));
    store = new DynamoDbSaltStore(stack.dynamoDbClient(), table());
  }

  @Override
  protected SaltStore store() {
    return store;
  }

  @Test
  void givesTheSaltATtlAtTheEndOfItsDay() {
    store.replaceEarlier(new DaySalt(LocalDate.parse("2025-03-04"), new byte[32]));

    Map<String, AttributeValue> item = stack.dynamoDbClient().getItem(get -> get.tableName(table()).key(KEY)
        .consistentRead(true)).item();

    assertThat(Long.parseLong(item.get("ttl").n()))
        .isEqualTo(LocalDate.parse("2025-03-05").atStartOfDay().toEpochSecond(ZoneOffset.UTC));
  }

  private String table() {
    return stack.tableName("GoalpostTable");
  }
}
