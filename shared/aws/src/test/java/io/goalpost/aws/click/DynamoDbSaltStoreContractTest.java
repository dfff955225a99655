package io.goalpost.aws.click;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.core.click.SaltStore;
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

  private LocalStack stack;
  private SaltStore store;

  @BeforeEach
  void connect(LocalStack stack) {
    this.stack = stack;
    store = new DynamoDbSaltStore(stack.dynamoDbClient(), stack.tableName("GoalpostTable"));
  }

  @Override
  protected SaltStore store() {
    return store;
  }

  @Test
  void givesASaltAndItsRetiredMarkATtlTwoDaysAfterTheDayBegan() {
    LocalDate day = LocalDate.parse("1999-03-04");
    store.create(day, new byte[32]);
    assertThat(ttlOf(day)).isEqualTo(LocalDate.parse("1999-03-06").atStartOfDay().toEpochSecond(ZoneOffset.UTC));

    store.retire(day);

    assertThat(item(day)).containsKey("ttl").doesNotContainKey("salt");
  }

  private long ttlOf(LocalDate day) {
    return Long.parseLong(item(day).get("ttl").n());
  }

  private Map<String, AttributeValue> item(LocalDate day) {
    return stack.dynamoDbClient().getItem(get -> get.tableName(stack.tableName("GoalpostTable"))
        .key(Map.of("pk", AttributeValue.fromS(DynamoDbSaltStore.pk(day)), "sk", AttributeValue.fromS("SALT")))
        .consistentRead(true)).item();
  }
}
