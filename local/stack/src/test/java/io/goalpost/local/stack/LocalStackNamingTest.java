package io.goalpost.local.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.goalpost.local.template.SamTemplate;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** A stack of its own, from a small template, for what the repository's template does not show. */
class LocalStackNamingTest {

  private static final String TEMPLATE = """
      Resources:
        Work:
          Type: AWS::SQS::Queue
          Properties:
            QueueName: work-local
            VisibilityTimeout: 45
            RedrivePolicy:
              deadLetterTargetArn: !GetAtt Failed.Arn
              maxReceiveCount: 3
        Failed:
          Type: AWS::SQS::Queue
        Things:
          Type: AWS::DynamoDB::Table
          Properties:
            TableName: things-local
            BillingMode: PAY_PER_REQUEST
            AttributeDefinitions:
              - AttributeName: id
                AttributeType: S
            KeySchema:
              - AttributeName: id
                KeyType: HASH
      """;

  @Test
  void namesResourcesByTheirDeclaredNamesAndKeepsTheTemplatesVisibilityWhenAskedTo() {
    try (LocalStack stack = LocalStack.start(SamTemplate.parse(TEMPLATE), LocalStackOptions.asDeclared())) {
      assertThat(stack.tableName("Things")).isEqualTo("things-local");
      assertThat(stack.queueUrl("Work")).endsWith("/work-local");
      assertThat(stack.queueUrl("Failed")).endsWith("/Failed");
      var attributes = stack.sqsClient().getQueueAttributes(b -> b.queueUrl(stack.queueUrl("Work"))
          .attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
      assertThat(attributes.get("VisibilityTimeout")).isEqualTo("45");
      assertThat(attributes.get("RedrivePolicy")).contains(stack.queueArn("Failed"))
          .contains("\"maxReceiveCount\":3");
      assertThat(stack.dynamoDbClient().describeTable(b -> b.tableName("things-local")).table()
          .keySchema()).singleElement().satisfies(k -> assertThat(k.attributeName()).isEqualTo("id"));
    }
  }
}
