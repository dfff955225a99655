package io.goalpost.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.goalpost.local.template.SamTemplate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

@ExtendWith(LocalStackExtension.class)
class LocalStackTest {

  private final LocalStack stack;
  private final DynamoDbClient dynamo;
  private final SqsClient sqs;

  LocalStackTest(LocalStack stack) {
    this.stack = stack;
    this.dynamo = stack.dynamoDbClient();
    this.sqs = stack.sqsClient();
  }

  @BeforeEach
  void startFromNothing() {
    stack.reset();
  }

  @Test
  void createsExactlyTheTablesAndQueuesTheTemplateDeclares() {
    SamTemplate template = SamTemplate.load(RepositoryPaths.templateYaml());

    assertThat(dynamo.listTables().tableNames()).containsExactlyInAnyOrderElementsOf(
        template.tables().stream().map(t -> stack.tableName(t.logicalId())).toList());
    assertThat(sqs.listQueues().queueUrls()).containsExactlyInAnyOrderElementsOf(
        template.queues().stream().map(q -> stack.queueUrl(q.logicalId())).toList());
    assertThat(stack.refs()).containsOnlyKeys("GoalpostTable", "EventsQueue", "EventsDeadLetterQueue");
  }

  @Test
  void createsTheTableWithTheTemplatesKeysAndIndex() {
    TableDescription table = dynamo.describeTable(b -> b.tableName(stack.tableName("GoalpostTable")))
        .table();

    assertThat(table.keySchema())
        .extracting(KeySchemaElement::attributeName, KeySchemaElement::keyTypeAsString)
        .containsExactly(tuple("pk", "HASH"), tuple("sk", "RANGE"));
    assertThat(table.globalSecondaryIndexes()).singleElement().satisfies(gsi -> {
      assertThat(gsi.indexName()).isEqualTo("gsi1");
      assertThat(gsi.keySchema()).extracting(KeySchemaElement::attributeName)
          .containsExactly("gsi1pk", "gsi1sk");
      assertThat(gsi.projection().projectionTypeAsString()).isEqualTo("ALL");
    });
    assertThat(stack.tableName("GoalpostTable")).isEqualTo("GoalpostTable");
    assertThat(stack.timeToLiveApplied("GoalpostTable")).as("dynalite has no TTL").isFalse();
  }

  @Test
  void redrivesTheEventsQueueToItsDeadLetterQueueAfterFiveReceives() throws Exception {
    Map<String, String> attributes = sqs.getQueueAttributes(b -> b
        .queueUrl(stack.queueUrl("EventsQueue")).attributeNames(QueueAttributeName.ALL))
        .attributesAsStrings();

    JsonNode redrive = new ObjectMapper().readTree(attributes.get("RedrivePolicy"));
    assertThat(redrive.path("deadLetterTargetArn").asText())
        .isEqualTo(stack.queueArn("EventsDeadLetterQueue"))
        .endsWith(":EventsDeadLetterQueue");
    assertThat(redrive.path("maxReceiveCount").asInt()).isEqualTo(5);
    assertThat(attributes.get("VisibilityTimeout"))
        .as("the local visibility timeout, not the template's 60 s").isEqualTo("2");
  }

  @Test
  void refsAndAttributesNameTheLocalResources() {
    assertThat(stack.refs()).containsEntry("GoalpostTable", "GoalpostTable")
        .containsEntry("EventsQueue", stack.queueUrl("EventsQueue"));
    assertThat(stack.queueUrl("EventsQueue"))
        .startsWith(stack.sqsEndpoint().toString()).endsWith("/EventsQueue");
    assertThat(stack.attributes().get("EventsQueue"))
        .containsEntry("Arn", "arn:aws:sqs:us-east-1:000000000000:EventsQueue")
        .containsEntry("QueueName", "EventsQueue")
        .containsEntry("QueueUrl", stack.queueUrl("EventsQueue"));
    assertThat(stack.attributes().get("GoalpostTable").get("Arn")).endsWith(":table/GoalpostTable");
    assertThat(stack.attributes().get("GoalpostTable")).doesNotContainKey("StreamArn");
  }

  @Test
  void tellsFunctionsWhereTheEmulatorsAre() {
    assertThat(stack.awsEnvironment())
        .containsEntry("AWS_REGION", "us-east-1")
        .containsEntry("AWS_ENDPOINT_URL_DYNAMODB", stack.dynamoDbEndpoint().toString())
        .containsEntry("AWS_ENDPOINT_URL_SQS", stack.sqsEndpoint().toString())
        .containsKeys("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
    assertThat(stack.dynamoDbEndpoint().getHost()).isEqualTo("127.0.0.1");
  }

  @Test
  void storesAndReadsAnItemThroughTheSdk() {
    String table = stack.tableName("GoalpostTable");
    dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("LINK#docs"), "sk", s("LINK"),
        "destination", s("https://example.com/docs"))));

    Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
        .key(Map.of("pk", s("LINK#docs"), "sk", s("LINK"))).consistentRead(true)).item();

    assertThat(item.get("destination").s()).isEqualTo("https://example.com/docs");
  }

  @Test
  void sendsAndReceivesAMessageThroughTheSdk() {
    String queue = stack.queueUrl("EventsQueue");
    sqs.sendMessage(b -> b.queueUrl(queue).messageBody("{\"type\":\"click\"}"));

    List<Message> received = sqs.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(2)).messages();

    assertThat(received).extracting(Message::body).containsExactly("{\"type\":\"click\"}");
  }

  @Test
  void twoResetsLeaveEveryTableAndQueueEmpty() {
    String table = stack.tableName("GoalpostTable");
    // More than one BatchWriteItem's worth, so emptying has to page through deletes.
    IntStream.range(0, 60).forEach(i -> dynamo.putItem(b -> b.tableName(table)
        .item(Map.of("pk", s("LINK#" + i), "sk", s("LINK")))));
    String queue = stack.queueUrl("EventsQueue");
    sqs.sendMessage(b -> b.queueUrl(queue).messageBody("visible"));
    sqs.sendMessage(b -> b.queueUrl(queue).messageBody("in flight"));
    assertThat(sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(1)).messages()).hasSize(1);

    stack.reset();
    stack.reset();

    assertThat(dynamo.scan(b -> b.tableName(table)).count()).isZero();
    assertThat(sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributesAsStrings())
        .containsEntry("ApproximateNumberOfMessages", "0")
        .containsEntry("ApproximateNumberOfMessagesNotVisible", "0");
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
