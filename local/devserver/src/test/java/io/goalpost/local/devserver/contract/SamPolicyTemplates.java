package io.goalpost.local.devserver.contract;

import java.util.Map;
import java.util.Set;

/**
 * The actions the SAM policy templates we use grant (from SAM's policy_templates.json), by
 * service as the SDK names it. A function's call is allowed when one of its policies grants the
 * operation on the resource the call hit.
 */
final class SamPolicyTemplates {

  record Grant(String service, Set<String> operations, String resourceArgument) {}

  static final Map<String, Grant> GRANTS = Map.of(
      "DynamoDBCrudPolicy", new Grant("DynamoDb", Set.of("GetItem", "DeleteItem", "PutItem", "Scan",
          "Query", "UpdateItem", "BatchWriteItem", "BatchGetItem", "DescribeTable",
          "ConditionCheckItem"), "TableName"),
      "DynamoDBReadPolicy", new Grant("DynamoDb", Set.of("GetItem", "Scan", "Query", "BatchGetItem",
          "DescribeTable"), "TableName"),
      "DynamoDBWritePolicy", new Grant("DynamoDb", Set.of("PutItem", "UpdateItem", "BatchWriteItem"),
          "TableName"),
      "SQSSendMessagePolicy", new Grant("Sqs", Set.of("SendMessage", "SendMessageBatch"), "QueueName"),
      "SQSPollerPolicy", new Grant("Sqs", Set.of("ChangeMessageVisibility",
          "ChangeMessageVisibilityBatch", "DeleteMessage", "DeleteMessageBatch", "GetQueueAttributes",
          "ReceiveMessage"), "QueueName"));

  private SamPolicyTemplates() {}
}
